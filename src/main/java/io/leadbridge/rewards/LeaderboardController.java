package io.leadbridge.rewards;

import io.leadbridge.config.LeadClock;
import io.leadbridge.csv.CsvTable;
import io.leadbridge.reporting.ReportFilter;
import io.leadbridge.reporting.ReportFormat;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.rewards.Leaderboard.Scope;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.InvalidInputException.FieldError;
import io.leadbridge.web.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/leaderboard}: reps or partners ranked by the points they earned in a
 * period (by event time, the last 90 days unless {@code from}/{@code to} say otherwise), with
 * wins and on-time rate; JSON, or CSV for BI tools.
 */
@RestController
class LeaderboardController {

    static final Duration DEFAULT_PERIOD = ReportFilter.DEFAULT_PERIOD;

    private final Leaderboard leaderboard;
    private final CallerProvider callers;
    private final LeadClock clock;

    LeaderboardController(Leaderboard leaderboard, CallerProvider callers, LeadClock clock) {
        this.leaderboard = leaderboard;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/api/reports/leaderboard")
    ResponseEntity<?> leaderboard(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        // The same filters, checks and default period as every report, plus the board's scope.
        List<FieldError> errors = new ArrayList<>();
        ReportFilter filter = null;
        try {
            filter = ReportFilter.parse(query, clock.now(), "scope");
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Scope board = scope(query.getFirst("scope"), errors);
        ReportFormat answer = ReportFormat.of(query.getFirst("format"), accept, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        filter.groupBy(List.of(), null, "leaderboard");
        LeaderboardReport report = leaderboard.board(callers.current(), board, filter.partner(), filter.period(),
                LeaderboardFilter.of(filter));
        return answer.respond(report, "leaderboard-" + board.parameter() + ".csv", new CsvTable(List.of(LeaderboardReport.Row.CSV_HEADER),
                report.rows().stream().map(LeaderboardReport.Row::csvRow).map(Arrays::asList).toList()));
    }

    /** The period of {@code from} and {@code to} (by default the last 90 days); a problem goes to {@code errors}. */
    static ReportPeriod period(String from, String to, Instant now, List<FieldError> errors) {
        try {
            return ReportPeriod.parse(from, to, now, DEFAULT_PERIOD);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static Scope scope(String scope, List<FieldError> errors) {
        if (scope == null) {
            return Scope.REPS;
        }
        try {
            return Scope.valueOf(scope.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("scope", "'" + scope + "' is not one of reps, partners"));
            return null;
        }
    }
}

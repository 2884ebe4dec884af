package io.leadbridge.rewards;

import io.leadbridge.config.LeadClock;
import io.leadbridge.csv.CsvTable;
import io.leadbridge.reporting.ReportFormat;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.InvalidInputException.FieldError;
import io.leadbridge.web.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/rewards/ledger}: the rows of the rewards ledger behind the leaderboard, for one
 * rep or partner, in a period (by event time, the last 90 days by default); JSON or CSV.
 */
@RestController
class LedgerController {

    private final LedgerStatements statements;
    private final CallerProvider callers;
    private final LeadClock clock;

    LedgerController(LedgerStatements statements, CallerProvider callers, LeadClock clock) {
        this.statements = statements;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/api/rewards/ledger")
    ResponseEntity<?> ledger(@RequestParam(required = false) String rep,
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        List<FieldError> errors = new ArrayList<>();
        ReportPeriod period = LeaderboardController.period(from, to, clock.now(), errors);
        ReportFormat answer = ReportFormat.of(format, accept, errors);
        String repName = given("rep", rep, errors);
        String partnerId = given("partner", partner, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LedgerStatement statement = statements.statement(callers.current(), repName, partnerId, period);
        return answer.respond(statement, "reward-ledger.csv", new CsvTable(List.of(LedgerEntry.CSV_HEADER),
                statement.entries().stream().map(LedgerEntry::csvRow).map(Arrays::asList).toList()));
    }

    private static String given(String parameter, String value, List<FieldError> errors) {
        if (value != null && value.isBlank()) {
            errors.add(new FieldError(parameter, "must not be empty; leave it out for all"));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}

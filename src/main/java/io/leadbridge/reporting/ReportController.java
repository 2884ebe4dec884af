package io.leadbridge.reporting;

import io.leadbridge.config.LeadClock;
import io.leadbridge.csv.CsvDownload;
import io.leadbridge.csv.CsvTable;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/*}: pipeline, funnel, SLA (also week by week), campaigns and partner
 * scorecards, as JSON or as CSV ({@code Accept: text/csv} or {@code ?format=csv}). Vendor users
 * see every partner; a partner user always gets its own partner's figures (see
 * {@link ReportFilter#forCaller}).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final PipelineReport pipeline;
    private final FunnelReport funnel;
    private final SlaReport sla;
    private final CampaignReport campaigns;
    private final PartnerScorecard scorecards;
    private final CallerProvider callers;
    private final LeadClock clock;
    private final RepScorecard repScorecards;
    private final RepeatPurchaseReport repeatPurchases;

    ReportController(PipelineReport pipeline, FunnelReport funnel, SlaReport sla, CampaignReport campaigns,
            PartnerScorecard scorecards, CallerProvider callers, LeadClock clock, RepScorecard repScorecards,
            RepeatPurchaseReport repeatPurchases) {
        this.repeatPurchases = repeatPurchases;
        this.repScorecards = repScorecards;
        this.pipeline = pipeline;
        this.funnel = funnel;
        this.sla = sla;
        this.campaigns = campaigns;
        this.scorecards = scorecards;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/pipeline")
    ResponseEntity<?> pipeline(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer("pipeline", query, accept, pipeline::report, PipelineReport.Pipeline::table);
    }

    @GetMapping("/funnel")
    ResponseEntity<?> funnel(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer("funnel", query, accept, funnel::report, FunnelReport.Funnel::table);
    }

    @GetMapping("/sla")
    ResponseEntity<?> sla(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer("sla", query, accept, sla::report, SlaReport.Sla::table);
    }

    /** SLA compliance over time: the SLA figures week by week of the leads' arrival. */
    @GetMapping("/sla/weekly")
    ResponseEntity<?> slaWeekly(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer("sla_weekly", query, accept, sla::weekly, SlaReport.Weekly::table);
    }

    @GetMapping("/campaigns")
    ResponseEntity<?> campaigns(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer("campaigns", query, accept, campaigns::report, CampaignReport.Campaigns::table);
    }

    /**
     * Repeat purchases per partner and campaign of the first win, of the accounts first won in the
     * period; a partner user gets its own partner's rows only.
     */
    @GetMapping("/repeat-purchases")
    ResponseEntity<?> repeatPurchases(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        onlyParameters(query, List.of("from", "to", "partner", "campaign", "format"), "the repeat-purchase report");
        return answer("repeat_purchases", query, accept, repeatPurchases::report,
                RepeatPurchaseReport.RepeatPurchases::table);
    }

    /** A partner's scorecard: 403 for a partner user asking for another partner's, 404 for an unknown partner. */
    @GetMapping("/partners/{id}")
    ResponseEntity<?> scorecard(@PathVariable String id, @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Caller caller = callers.current();
        if (caller.isPartnerUser() && !id.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner's scorecard");
        }
        ReportFormat format = ReportFormat.of(query.getFirst("format"), accept);
        ReportFilter filter = ReportFilter.parse(query, clock.now());
        PartnerScorecard.Scorecard scorecard = scorecards.report(id, filter);
        return format == ReportFormat.CSV
                ? CsvDownload.of(fileName("scorecard_" + id, filter.period()), scorecard.table())
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(scorecard);
    }

    /** The partner's figures per rep; a rep of the partner gets its own row only. */
    @GetMapping("/partners/{id}/reps")
    ResponseEntity<?> repFigures(@PathVariable String id, @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        onlyParameters(query, List.of("from", "to", "format"), "the rep figures");
        ReportFormat format = ReportFormat.of(query.getFirst("format"), accept);
        ReportFilter filter = ReportFilter.parse(query, clock.now());
        RepScorecard.RepFigures figures = repScorecards.report(id, filter, callers.current());
        return format == ReportFormat.CSV
                ? CsvDownload.of(fileName("reps_" + id, filter.period()), figures.table())
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
    }

    /** 400 naming every parameter a report does not take (a typo must not widen it silently). */
    private static void onlyParameters(MultiValueMap<String, String> query, List<String> taken, String report) {
        List<InvalidInputException.FieldError> ignored = query.keySet().stream()
                .filter(name -> !taken.contains(name)).sorted()
                .map(name -> new InvalidInputException.FieldError(name,
                        report + " take" + (report.endsWith("s") ? "" : "s") + " "
                                + String.join(", ", taken.subList(0, taken.size() - 1)) + " and "
                                + taken.get(taken.size() - 1) + " only"))
                .toList();
        if (!ignored.isEmpty()) {
            throw new InvalidInputException(ignored);
        }
    }

    private <R> ResponseEntity<?> answer(String report, MultiValueMap<String, String> query, String accept,
            Function<ReportFilter, R> build, Function<R, CsvTable> table) {
        ReportFormat format = ReportFormat.of(query.getFirst("format"), accept);
        ReportFilter filter = ReportFilter.parse(query, clock.now()).forCaller(callers.current());
        R result = build.apply(filter);
        return format == ReportFormat.CSV
                ? CsvDownload.of(fileName(report, filter.period()), table.apply(result))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    /** {@code <report>_<first day>_<last day>.csv}, the days of the period in UTC. */
    private static String fileName(String report, ReportPeriod period) {
        LocalDate first = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(period.to().minusNanos(1), ZoneOffset.UTC);
        return report + "_" + first + "_" + last + ".csv";
    }
}

package io.leadbridge.reporting;

import io.leadbridge.config.LeadClock;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/fairness}: did the rules give each partner the leads its weights
 * entitled it to? For vendor users only, since it names every partner.
 */
@RestController
class FairnessController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final FairnessReporting reporting;
    private final CallerProvider callers;
    private final LeadClock clock;

    FairnessController(FairnessReporting reporting, CallerProvider callers, LeadClock clock) {
        this.reporting = reporting;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/api/reports/fairness")
    FairnessReport fairness(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (callers.current().isPartnerUser()) {
            throw ApiException.forbidden("the fairness report names every partner: it is for vendor users only");
        }
        return reporting.report(ReportPeriod.parse(from, to, clock.now(), DEFAULT_PERIOD));
    }
}

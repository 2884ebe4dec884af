package io.leadbridge.standing;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.MultiLineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner's standing (a rep sees only its own partner's) and its reinstatement by a channel manager. */
@RestController
@RequestMapping("/api/partners/{id}")
class PartnerStandingController {

    private final StandingReports reports;
    private final PartnerReinstatement reinstatement;
    private final CallerProvider callers;

    PartnerStandingController(StandingReports reports, PartnerReinstatement reinstatement, CallerProvider callers) {
        this.reports = reports;
        this.reinstatement = reinstatement;
        this.callers = callers;
    }

    @GetMapping("/standing")
    StandingReport standing(@PathVariable String id) {
        Caller caller = callers.current();
        if (caller.isPartnerUser() && !id.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner's standing");
        }
        return reports.report(id);
    }

    @PostMapping("/reinstate")
    StandingReport reinstate(@PathVariable String id, @Valid @RequestBody ReinstateRequest request) {
        reinstatement.reinstate(id, request.note(), callers.current());
        return reports.report(id);
    }

    record ReinstateRequest(@Size(max = ReviewCompletionListener.MAX_NOTE) @MultiLineText String note) {
    }
}

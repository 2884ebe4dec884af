package io.leadbridge.lifecycle;

import io.leadbridge.leadview.LeadView;
import io.leadbridge.leadview.LeadViews;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.MultiLineText;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * After first contact, through the API: the opportunity (convert, change), the close (won or lost)
 * and a CRM's generic status sync, under the same rules as the rep's Tasklist form.
 */
@RestController
@RequestMapping("/api/leads/{id}")
class DealController {

    /** Process variable names in refusals, as the API's JSON fields call them. */
    private static final Map<String, String> API_FIELDS = Map.of(
            StatusUpdate.AMOUNT, "amount",
            StatusUpdate.STAGE, "stage",
            StatusUpdate.LOST_REASON, "reason",
            StatusUpdate.ACTION, "status");

    private final LeadActions actions;
    private final LeadViews views;
    private final LeadAccess access;
    private final CallerProvider callers;
    private final OpportunityRepository opportunities;

    DealController(LeadActions actions, LeadViews views, LeadAccess access, CallerProvider callers,
            OpportunityRepository opportunities) {
        this.actions = actions;
        this.views = views;
        this.access = access;
        this.callers = callers;
        this.opportunities = opportunities;
    }

    @GetMapping("/opportunity")
    Opportunity opportunity(@PathVariable long id) {
        Caller caller = callers.current();
        access.visibleLead(id, caller);
        return opportunities.find(id)
                .orElseThrow(() -> ApiException.notFound("lead " + id + " has no opportunity"));
    }

    /** Converts the contacted lead into an opportunity. */
    @PostMapping("/opportunity")
    ResponseEntity<LeadView> convert(@PathVariable long id, @RequestBody OpportunityRequest request) {
        Caller caller = callers.current();
        report(() -> actions.reportProgress(id, request.toUpdate(DealAction.CONVERT), caller));
        return ResponseEntity.created(URI.create("/api/leads/" + id + "/opportunity")).body(view(id, caller));
    }

    /** Moves the opportunity's stage, amount, currency, close date or products; a note alone is progress too. */
    @PatchMapping("/opportunity")
    LeadView change(@PathVariable long id, @RequestBody OpportunityRequest request) {
        Caller caller = callers.current();
        report(() -> actions.reportProgress(id, request.toUpdate(DealAction.UPDATE), caller));
        return view(id, caller);
    }

    @PostMapping("/close")
    LeadView close(@PathVariable long id, @RequestBody CloseRequest request) {
        Caller caller = callers.current();
        if (request.outcome() == null || (!"WON".equals(request.outcome()) && !"LOST".equals(request.outcome()))) {
            throw new InvalidInputException("outcome", "must be WON or LOST");
        }
        DealAction action = DealAction.valueOf(request.outcome());
        report(() -> actions.reportProgress(id, new StatusUpdate(action, request.amount(), request.currency(), null,
                null, null, lostReason(request.reason()), request.note()), caller));
        return view(id, caller);
    }

    /** A partner CRM's status sync: {@code status} is one of {@link SyncedStatus}, with the details it needs. */
    @PutMapping("/status")
    LeadView syncStatus(@PathVariable long id, @RequestBody StatusRequest request) {
        Caller caller = callers.current();
        StatusUpdate details = new StatusUpdate(null, request.amount(), request.currency(), request.expectedCloseDate(),
                request.products(), request.stage(), lostReason(request.reason()), request.note());
        report(() -> actions.syncStatus(id, request.status(), details, caller));
        return view(id, caller);
    }

    record OpportunityRequest(BigDecimal amount, String currency, LocalDate expectedCloseDate, List<String> products,
            OpportunityStage stage, @MultiLineText String note) {

        StatusUpdate toUpdate(DealAction action) {
            return new StatusUpdate(action, amount, currency, expectedCloseDate, products, stage, null, note);
        }
    }

    record CloseRequest(String outcome, BigDecimal amount, String currency, String reason,
            @MultiLineText String note) {
    }

    record StatusRequest(SyncedStatus status, BigDecimal amount, String currency, LocalDate expectedCloseDate,
            List<String> products, OpportunityStage stage, String reason, @MultiLineText String note) {
    }

    static LostReason lostReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        try {
            return LostReason.valueOf(reason.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", "'" + reason + "' is not one of "
                    + Arrays.toString(LostReason.values()));
        }
    }

    /** Runs the report; refusals name the API's fields rather than the process variables. */
    static void report(Runnable report) {
        try {
            report.run();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(f -> new InvalidInputException.FieldError(API_FIELDS.getOrDefault(f.field(), f.field()),
                            f.message()))
                    .toList());
        }
    }

    private LeadView view(long id, Caller caller) {
        return views.detail(access.visibleLead(id, caller), caller);
    }
}

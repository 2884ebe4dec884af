package io.leadbridge.lifecycle;

import io.leadbridge.leadview.LeadView;
import io.leadbridge.leadview.LeadViews;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.web.MultiLineText;
import java.math.BigDecimal;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Actions on a lead: accept, decline, report contact (reps); withdraw, assign (channel managers). See also {@link DealController}. */
@RestController
@RequestMapping("/api/leads/{id}")
@Validated
class LeadActionController {

    private final LeadActions actions;
    private final LeadViews views;
    private final CallerProvider callers;

    private final RepReassignment reassignment;

    LeadActionController(LeadActions actions, LeadViews views, CallerProvider callers,
            RepReassignment reassignment) {
        this.reassignment = reassignment;
        this.actions = actions;
        this.views = views;
        this.callers = callers;
    }

    @PostMapping("/accept")
    ResponseEntity<LeadView> accept(@PathVariable long id) {
        Caller caller = callers.current();
        actions.acceptOffer(id, caller);
        return after(id, caller);
    }

    @PostMapping("/decline")
    ResponseEntity<LeadView> decline(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        Caller caller = callers.current();
        actions.declineOffer(id, request.reason(), caller);
        return after(id, caller);
    }

    @PostMapping("/contact")
    ResponseEntity<LeadView> contact(@PathVariable long id, @Valid @RequestBody ContactReport request) {
        Caller caller = callers.current();
        if (request.outcome() == ContactOutcome.WON || request.outcome() == ContactOutcome.LOST) {
            DealAction close = DealAction.valueOf(request.outcome().name());
            DealController.report(() -> actions.reportProgress(id, new StatusUpdate(close, request.amount(),
                    request.currency(), null, null, null, DealController.lostReason(request.reason()), request.note()),
                    caller));
        } else {
            actions.reportContact(id, request.outcome(), request.note(), caller);
        }
        return after(id, caller);
    }

    @PostMapping("/withdraw")
    ResponseEntity<LeadView> withdraw(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        Caller caller = callers.current();
        actions.withdraw(id, request.reason(), caller);
        return after(id, caller);
    }

    @PostMapping("/assign")
    ResponseEntity<LeadView> assign(@PathVariable long id, @Valid @RequestBody AssignRequest request) {
        Caller caller = callers.current();
        actions.assign(id, request.partnerId(), caller);
        return after(id, caller);
    }

    /** A lead manager gives the lead (its open offer, or its follow-up) to another rep of the partner. */
    @PostMapping("/reassign-rep")
    ResponseEntity<LeadView> reassignRep(@PathVariable long id, @Valid @RequestBody RepReassignRequest request) {
        Caller caller = callers.current();
        reassignment.reassign(id, request.rep(), request.note(), caller);
        return after(id, caller);
    }

    /** The lead as the caller may now see it; 204 when the caller's partner no longer holds it (after a decline). */
    private ResponseEntity<LeadView> after(long id, Caller caller) {
        var lead = views.visibleLeadOrNull(id, caller);
        return lead == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(views.detail(lead, caller));
    }

    record ReasonRequest(@Size(max = 1000) @MultiLineText String reason) {
    }

    /** First contact or a failed attempt; WON and LOST close the lead at once (with amount or reason). */
    record ContactReport(ContactOutcome outcome, String reason, @Size(max = 2000) @MultiLineText String note, BigDecimal amount,
            String currency) {
    }

    record AssignRequest(String partnerId) {
    }

    record RepReassignRequest(@NotBlank @Size(max = 64) String rep,
            @NotBlank @Size(max = 1000) @MultiLineText String note) {
    }
}

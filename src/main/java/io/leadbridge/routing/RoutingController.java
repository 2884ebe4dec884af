package io.leadbridge.routing;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.leadview.LeadViews;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RoutingDecisionLog.RoutingDecision;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why a lead went where it went. Vendor users see every routing decision in full: tables and
 * rows, each candidate with its weight or the reason it was skipped, the winner. A partner sees
 * a short explanation of its own offers and withdrawals, never another partner's name.
 */
@RestController
class RoutingController {

    private final RoutingDecisionLog decisions;
    private final LeadViews views;
    private final LeadEventLog events;
    private final CallerProvider callers;
    private final RepAssignmentLog assignments;

    RoutingController(RoutingDecisionLog decisions, LeadViews views, LeadEventLog events, CallerProvider callers,
            RepAssignmentLog assignments) {
        this.assignments = assignments;
        this.decisions = decisions;
        this.views = views;
        this.events = events;
        this.callers = callers;
    }

    @GetMapping("/api/leads/{id}/routing")
    Object routing(@PathVariable long id) {
        Caller caller = callers.current();
        Lead lead = views.visibleLead(id, caller);
        if (!caller.isPartnerUser()) {
            return new VendorRouting(id, decisions.forLead(id), assignments.forLead(id));
        }
        String partner = caller.partnerId();
        List<PartnerOffer> offers = decisions.forLead(id).stream()
                .filter(d -> partner.equals(d.winner()))
                .map(PartnerOffer::of)
                .toList();
        List<PartnerWithdrawal> withdrawals = events.timeline(lead.id()).stream()
                .filter(e -> e.type() == LeadEventType.WITHDRAWN && partner.equals(e.partnerId()))
                .map(e -> new PartnerWithdrawal(e.occurredAt(), e.detail()))
                .toList();
        // A rep reads who held the offer and why; the candidates weighed are for its lead managers.
        boolean candidates = caller.isLeadManager() || caller.isPartnerCrm();
        List<RepAssignment> inside = assignments.forLead(id).stream()
                .filter(a -> partner.equals(a.partnerId()))
                .map(a -> candidates ? a : new RepAssignment(a.leadId(), a.partnerId(), a.attempt(), a.repUsername(),
                        a.assignedAt(), a.method(), a.reason(), null, a.endedAt(), a.endReason()))
                .toList();
        return new PartnerRouting(id, offers, withdrawals, inside);
    }

    /** Every routing decision, and inside each partner who held the offer, why, and the candidates weighed. */
    record VendorRouting(long leadId, List<RoutingDecision> decisions, List<RepAssignment> insidePartner) {
    }

    record PartnerRouting(long leadId, List<PartnerOffer> offers, List<PartnerWithdrawal> withdrawals,
            List<RepAssignment> insidePartner) {
    }

    record PartnerWithdrawal(Instant at, String reason) {
    }

    /** One offer to the partner, explained without naming anyone else. */
    record PartnerOffer(int attempt, Instant at, String why) {

        static PartnerOffer of(RoutingDecision d) {
            String why = switch (d.method()) {
                case PROTECTED_ACCOUNT -> "The account is protected for your company.";
                case REGISTERED_DEAL -> "Your company's approved deal registration protects it on this account for "
                        + "this product.";
                case FOLLOW_ON_WINNER -> "Your company won this account: a follow-on of that win is protected for"
                        + " your company for this product for the period the follow-on table gives.";
                case MANUAL -> "A channel manager chose your company for this lead.";
                case REASSIGNED -> "A channel manager reassigned this lead to your company.";
                case RULES -> "Your company meets the lead's requirements and its turn came in the weighted rotation"
                        + " among " + d.candidates().stream().filter(c -> c.skipped() == null).count()
                        + " eligible partner(s); better acceptance, SLA and win rates earn a larger share.";
            };
            return new PartnerOffer(d.attempt(), d.decidedAt(), why);
        }
    }
}

package io.leadbridge.lead;

import io.leadbridge.partner.PartnerDispatchRepository;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may see a lead and who may act on it: the one place that answers "may this user, partner
 * or rep do this to this lead?" for the lead actions, the deal API and support requests.
 *
 * <ul>
 *   <li>Vendor users see every lead; a partner user the lead its partner holds, or is offered in
 *       an open competition; a rep of a partner that keeps no team queue only the leads assigned to
 *       it (its lead managers and CRM see all the partner's).</li>
 *   <li>Only a rep (or CRM) of the partner holding the lead, or with an open offer of it, acts on
 *       it. A partner that held it and lost it gets 409 saying when, and its late action is
 *       announced as a {@link LateUpdateRefused} so that the lead's timeline shows it; anyone
 *       else gets 403.</li>
 *   <li>Once a rep holds the lead, only that rep or the partner's CRM reports on it.</li>
 *   <li>Withdrawing and reassigning are the channel managers' actions.</li>
 * </ul>
 */
@Component
public class LeadAccess {

    private final LeadRepository leads;
    private final LeadOfferLog offers;
    private final LeadEventLog events;
    private final ApplicationEventPublisher publisher;
    private final PartnerDispatchRepository dispatches;

    LeadAccess(LeadRepository leads, LeadOfferLog offers, LeadEventLog events, ApplicationEventPublisher publisher,
            PartnerDispatchRepository dispatches) {
        this.dispatches = dispatches;
        this.leads = leads;
        this.offers = offers;
        this.events = events;
        this.publisher = publisher;
    }

    /** The lead for this caller, or 403 if it belongs to another partner (or none). */
    public Lead visibleLead(long id, Caller caller) {
        Lead lead = leads.get(id);
        if (!mayView(lead, caller)) {
            throw ApiException.forbidden("lead " + id + " is not held by your partner");
        }
        return lead;
    }

    /** The lead if this caller may see it, else null (a partner that just declined or lost it). */
    public Lead visibleLeadOrNull(long id, Caller caller) {
        Lead lead = leads.get(id);
        return mayView(lead, caller) ? lead : null;
    }

    /**
     * Vendor users see every lead; a partner the lead it holds, or is offered in an open competition;
     * a rep of a partner without a team queue only the leads assigned to it.
     */
    public boolean mayView(Lead lead, Caller caller) {
        if (assignedToAnotherRep(lead, caller)) {
            return false;
        }
        return caller.mayView(lead.partnerId())
                || (caller.isPartnerUser() && offers.hasOpenOffer(lead.id(), caller.partnerId()));
    }

    /**
     * The partner keeps no team queue, and the lead is its but not this rep's: its lead managers
     * and its CRM see it, its other reps do not.
     */
    private boolean assignedToAnotherRep(Lead lead, Caller caller) {
        return caller.isPlainRep() && caller.partnerId().equals(lead.partnerId())
                && !caller.username().equals(lead.repUsername()) && !dispatches.find(lead.partnerId()).teamQueue();
    }

    /**
     * The rep whose leads alone the caller may list: itself, when it is a rep of a partner without a
     * team queue; null for everyone else.
     */
    public String onlyLeadsOfRep(Caller caller) {
        return caller.isPlainRep() && !dispatches.find(caller.partnerId()).teamQueue() ? caller.username() : null;
    }

    /** The lead, locked for a change, or 404. */
    public Lead lock(long leadId) {
        return leads.lock(leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId + " does not exist"));
    }

    /**
     * The lead, locked, for an action by a rep (or CRM) of the partner holding it, in one of the
     * {@code allowed} statuses: 403 for another partner, 409 for a lead withdrawn from the
     * caller's partner (a late update) or in another status.
     */
    public Lead lockHeldLead(long leadId, Caller caller, String action, LeadStatus... allowed) {
        Lead lead = lockForPartner(leadId, caller, action);
        requireStatus(lead, action, allowed);
        return lead;
    }

    /**
     * The lead, locked, if the caller's partner holds it or has an open offer of it. A partner
     * that held it and lost it (withdrawn, reassigned, beaten in an open competition) gets 409
     * saying when, and the late {@code action} is announced; anyone else gets 403.
     */
    public Lead lockForPartner(long leadId, Caller caller, String action) {
        Lead lead = lock(leadId);
        if (caller.partnerId() == null || caller.isChannelManager()) {
            throw ApiException.forbidden("only a rep of the partner holding the lead may do this");
        }
        if (!caller.partnerId().equals(lead.partnerId()) && !offers.hasOpenOffer(leadId, caller.partnerId())) {
            var ended = offers.lastEndedOffer(leadId, caller.partnerId());
            if (ended.isPresent() && ended.get().outcome() == OfferOutcome.WITHDRAWN) {
                refuseLate(leadId, caller, action, ended.get().closedAt());
                throw ApiException.conflict("lead " + leadId + " was withdrawn from your partner at "
                        + ended.get().closedAt() + (LeadOfferLog.COMPETITION_LOST.equals(ended.get().reason())
                                ? ": another partner accepted it first" : "")
                        + "; updates from your partner are no longer accepted");
            }
            // A lead the partner had accepted: its offer ended ACCEPTED, the withdrawal is on the timeline.
            var withdrawn = ended.isPresent() && ended.get().outcome() == OfferOutcome.ACCEPTED
                    ? events.latest(leadId, LeadEventType.WITHDRAWN, caller.partnerId())
                            .filter(e -> !e.occurredAt().isBefore(ended.get().closedAt()))
                    : Optional.<LeadEvent>empty();
            if (withdrawn.isPresent()) {
                refuseLate(leadId, caller, action, withdrawn.get().occurredAt());
                throw ApiException.conflict("lead " + leadId + " was withdrawn from your partner at "
                        + withdrawn.get().occurredAt() + "; updates from your partner are no longer accepted");
            }
            throw ApiException.forbidden("lead " + leadId + " is not held by your partner");
        }
        if (assignedToAnotherRep(lead, caller)) {
            throw ApiException.forbidden("lead " + leadId + " is assigned to another rep of your partner");
        }
        return lead;
    }

    /** 409 unless the lead is in one of the {@code allowed} statuses; {@code action} says what was tried. */
    public static void requireStatus(Lead lead, String action, LeadStatus... allowed) {
        for (LeadStatus status : allowed) {
            if (lead.status() == status) {
                return;
            }
        }
        throw ApiException.conflict("lead " + lead.id() + " is " + lead.status() + "; only a lead that is "
                + String.join(" or ", Arrays.stream(allowed).map(Enum::name).toList()) + " can be " + action);
    }

    /** The rep holding the lead, or its partner's CRM, which acts for every rep of the partner. */
    public static void requireRep(Lead lead, Caller caller) {
        if (lead.repUsername() != null && !lead.repUsername().equals(caller.username()) && !caller.isPartnerCrm()) {
            throw ApiException.forbidden("lead " + lead.id() + " is held by rep " + lead.repUsername());
        }
    }

    public static void requireChannelManager(Caller caller) {
        if (!caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers may do this");
        }
    }

    private void refuseLate(long leadId, Caller caller, String action, Instant withdrawnAt) {
        publisher.publishEvent(new LateUpdateRefused(leadId, caller, action, withdrawnAt));
    }

    /**
     * A partner that no longer holds the lead tried to act on it; the refusal is about to roll
     * back the caller's transaction, so whoever records it must do so after that has ended.
     */
    public record LateUpdateRefused(long leadId, Caller caller, String action, Instant withdrawnAt) {
    }
}

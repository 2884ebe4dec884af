package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.lead.AcceptReminded;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadAccepted;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadOffered;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadWithdrawn;
import io.leadbridge.lead.OfferOutcome;
import io.leadbridge.notification.Notifier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Which partner holds a lead: offers, acceptance, decline, withdrawal, reminders. Each change is
 * published as a lead event ({@link LeadOffered}, {@link LeadAccepted}, {@link LeadWithdrawn},
 * {@link AcceptReminded}); the features that react to it (webhooks, strikes, the customer contact
 * check) listen, synchronously and in this transaction, in the order {@code lead.Reactions} gives.
 */
@Service
public class LeadHolding {

    private static final Logger log = LoggerFactory.getLogger(LeadHolding.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private final LeadRepository leads;
    private final LeadEventLog events;
    private final LeadOfferLog offers;
    private final Notifier notifier;
    private final ApplicationEventPublisher listeners;

    LeadHolding(LeadRepository leads, LeadEventLog events, LeadOfferLog offers, Notifier notifier,
            ApplicationEventPublisher listeners) {
        this.leads = leads;
        this.events = events;
        this.offers = offers;
        this.notifier = notifier;
        this.listeners = listeners;
    }

    /** Who inside a partner an offer goes to: its rep, or (null) its lead managers or team. */
    public record OfferHolder(String partnerId, String repUsername) {
    }

    /**
     * Offers the lead to one partner (and rep, for a protected account), or to several at once in
     * an open competition, where the first to accept wins; without a rep inside any of them.
     */
    public void offer(long leadId, List<String> partnerIds, String repUsername, int attempt, Instant acceptDueAt,
            SlaClock slaClock, String how) {
        offer(leadId, partnerIds.stream().map(p -> new OfferHolder(p, repUsername)).toList(), attempt, acceptDueAt,
                slaClock, how);
    }

    /**
     * Offers the lead to each partner's holder at once: one holder is a normal offer, several an
     * open competition. Each partner's offer mail goes to its own rep, or to its lead managers (its
     * team, without managers) when no rep holds it.
     */
    public void offer(long leadId, List<OfferHolder> holders, int attempt, Instant acceptDueAt, SlaClock slaClock,
            String how) {
        boolean competition = holders.size() > 1;
        holders.forEach(h -> offers.open(leadId, h.partnerId(), attempt, acceptDueAt, slaClock));
        OfferHolder first = holders.get(0);
        leads.offer(leadId, competition ? null : first.partnerId(), competition ? null : first.repUsername(), attempt,
                acceptDueAt);
        Lead lead = leads.get(leadId);
        for (OfferHolder holder : holders) {
            String partnerId = holder.partnerId();
            String repUsername = holder.repUsername();
            events.record(leadId, LeadEventType.OFFERED, LeadEvent.SYSTEM, partnerId,
                    "offer " + attempt + (repUsername == null ? "" : " to rep " + repUsername) + ", accept by "
                            + TIME.format(acceptDueAt) + "; "
                            + (competition ? "open competition among " + holders.size()
                                    + " partners, the first to accept wins; " : "") + how);
            notifier.leadOffered(lead, partnerId, repUsername, acceptDueAt);
            listeners.publishEvent(new LeadOffered(lead, partnerId, acceptDueAt));
        }
        log.info("lead {}: offered to partner(s) {} (offer {}), accept by {}", leadId,
                holders.stream().map(OfferHolder::partnerId).toList(), attempt, acceptDueAt);
    }

    /**
     * The lead's state change once its process has recorded the rep's acceptance (the rep's own
     * action is {@link LeadActions#acceptOffer}): the lead is the partner's, and any competing
     * offers end at once.
     */
    public void handToAcceptingPartner(long leadId, String partnerId, String repUsername, Instant contactDueAt) {
        Lead lead = leads.get(leadId);
        offers.close(leadId, partnerId, OfferOutcome.ACCEPTED, null);
        for (String other : offers.openPartners(leadId)) {
            String why = "another partner accepted the lead first (open competition)";
            offers.close(leadId, other, OfferOutcome.WITHDRAWN, LeadOfferLog.COMPETITION_LOST);
            events.recordWithReason(leadId, LeadEventType.WITHDRAWN, LeadEvent.SYSTEM, other, why,
                    LeadOfferLog.COMPETITION_LOST);
            notifier.leadWithdrawn(lead, other, null, why);
            listeners.publishEvent(new LeadWithdrawn(lead, other, LeadOfferLog.COMPETITION_LOST, why));
        }
        leads.accept(leadId, partnerId, repUsername, contactDueAt);
        events.recordByDeadline(leadId, LeadEventType.ACCEPTED, repUsername, partnerId,
                "first contact due by " + TIME.format(contactDueAt), lead.deadline("ACCEPT"));
        listeners.publishEvent(new LeadAccepted(leadId, partnerId, repUsername));
        log.info("lead {}: accepted by {} of partner {}", leadId, repUsername, partnerId);
    }

    /**
     * Ends the offer one partner declined (the rep's own action is {@link LeadActions#declineOffer});
     * in an open competition the others still may accept.
     */
    public void closeDeclinedOffer(long leadId, String partnerId, String repUsername, String reason) {
        offers.close(leadId, partnerId, OfferOutcome.DECLINED, null);
        events.record(leadId, LeadEventType.DECLINED, repUsername, partnerId, reason);
        log.info("lead {}: declined by {} of partner {}: {}", leadId, repUsername, partnerId, reason);
    }

    /** Every partner offered the lead declined: it waits for its next offer. */
    public void releaseDeclinedLead(long leadId) {
        leads.release(leadId);
    }

    /**
     * Takes the lead away from the partners holding it (the accepting partner, or every partner
     * with an open offer), tells them, and leaves the lead waiting for its next offer.
     */
    public void withdraw(long leadId, WithdrawalReason reason, String note, String actor) {
        Lead lead = leads.get(leadId);
        String why = reason.describe(note);
        List<String> holders = holders(lead);
        offers.close(leadId, OfferOutcome.WITHDRAWN, reason.name());
        for (String partnerId : holders) {
            // Recorded while the lead still names its rep: the withdrawal counts against that rep too.
            events.recordWithReason(leadId, LeadEventType.WITHDRAWN, actor, partnerId, why, reason.name());
            String rep = partnerId.equals(lead.partnerId()) ? lead.repUsername() : null;
            notifier.leadWithdrawn(lead, partnerId, rep, why);
            listeners.publishEvent(new LeadWithdrawn(lead, partnerId, reason.name(), why));
            log.info("lead {}: withdrawn from partner {}: {}", leadId, partnerId, why);
        }
        leads.release(leadId);
    }

    /** Reminds every partner still holding an open offer, once per accept deadline. */
    public void remindToAccept(long leadId, Instant acceptDueAt) {
        Lead lead = leads.get(leadId);
        String detail = "accept reminder; accept by " + TIME.format(acceptDueAt);
        for (String partnerId : offers.openPartners(leadId)) {
            if (events.exists(leadId, LeadEventType.REMINDED, partnerId, detail)) {
                continue;
            }
            events.record(leadId, LeadEventType.REMINDED, LeadEvent.SYSTEM, partnerId, detail);
            notifier.acceptReminder(lead, partnerId, partnerId.equals(lead.partnerId()) ? lead.repUsername() : null,
                    acceptDueAt);
            listeners.publishEvent(new AcceptReminded(lead, partnerId, acceptDueAt));
        }
    }

    /** Who holds the lead now: the partners with an open offer, else the partner that accepted it. */
    private List<String> holders(Lead lead) {
        List<String> open = offers.openPartners(lead.id());
        if (!open.isEmpty()) {
            return open;
        }
        return lead.partnerId() == null ? List.of() : List.of(lead.partnerId());
    }

    /**
     * Reminds the rep once per contact deadline: a rep who reports "not reachable" gets the task
     * back with the same deadline, not a second reminder.
     */
    public void remindToContact(long leadId, Instant contactDueAt) {
        Lead lead = leads.get(leadId);
        String detail = "contact reminder to " + lead.repUsername() + "; report first contact by "
                + TIME.format(contactDueAt);
        if (events.exists(leadId, LeadEventType.REMINDED, lead.partnerId(), detail)) {
            return;
        }
        events.record(leadId, LeadEventType.REMINDED, LeadEvent.SYSTEM, lead.partnerId(), detail);
        notifier.contactReminder(lead, contactDueAt);
    }
}

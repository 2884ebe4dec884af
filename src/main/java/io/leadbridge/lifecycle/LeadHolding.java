package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.notification.Notifier;
import io.leadbridge.routing.LeadOfferLog;
import io.leadbridge.routing.OfferOutcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Which partner holds a lead: offers, acceptance, decline, withdrawal, reminders. */
@Service
public class LeadHolding {

    private static final Logger log = LoggerFactory.getLogger(LeadHolding.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private final LeadRepository leads;
    private final LeadEventLog events;
    private final LeadOfferLog offers;
    private final Notifier notifier;

    LeadHolding(LeadRepository leads, LeadEventLog events, LeadOfferLog offers, Notifier notifier) {
        this.leads = leads;
        this.events = events;
        this.offers = offers;
        this.notifier = notifier;
    }

    public void offer(long leadId, String partnerId, String repUsername, int attempt, Instant acceptDueAt,
            String how) {
        offers.open(leadId, partnerId, attempt, acceptDueAt);
        leads.offer(leadId, partnerId, repUsername, attempt, acceptDueAt);
        events.record(leadId, LeadEventType.OFFERED, LeadEvent.SYSTEM, partnerId,
                "offer " + attempt + (repUsername == null ? "" : " to rep " + repUsername) + ", accept by "
                        + TIME.format(acceptDueAt) + "; " + how);
        notifier.leadOffered(leads.get(leadId), partnerId, repUsername, acceptDueAt);
        log.info("lead {}: offered to partner {} (offer {}), accept by {}", leadId, partnerId, attempt, acceptDueAt);
    }

    public void accept(long leadId, String repUsername, Instant contactDueAt) {
        Lead lead = leads.get(leadId);
        offers.accept(leadId);
        leads.accept(leadId, repUsername, contactDueAt);
        events.record(leadId, LeadEventType.ACCEPTED, repUsername, lead.partnerId(),
                "first contact due by " + TIME.format(contactDueAt));
        log.info("lead {}: accepted by {} of partner {}", leadId, repUsername, lead.partnerId());
    }

    public void decline(long leadId, String repUsername, String reason) {
        Lead lead = leads.get(leadId);
        offers.close(leadId, OfferOutcome.DECLINED);
        leads.release(leadId);
        events.record(leadId, LeadEventType.DECLINED, repUsername, lead.partnerId(), reason);
        log.info("lead {}: declined by {} of partner {}: {}", leadId, repUsername, lead.partnerId(), reason);
    }

    /** Takes the lead away from its partner, tells the partner, and leaves the lead waiting for its next offer. */
    public void withdraw(long leadId, WithdrawalReason reason, String note, String actor) {
        Lead lead = leads.get(leadId);
        String why = reason.describe(note);
        offers.close(leadId, OfferOutcome.WITHDRAWN, reason.name());
        leads.release(leadId);
        events.record(leadId, LeadEventType.WITHDRAWN, actor, lead.partnerId(), why);
        notifier.leadWithdrawn(lead, lead.partnerId(), lead.repUsername(), why);
        log.info("lead {}: withdrawn from partner {}: {}", leadId, lead.partnerId(), why);
    }

    /** Reminds the partner once per accept deadline. */
    public void remindToAccept(long leadId, Instant acceptDueAt) {
        Lead lead = leads.get(leadId);
        String detail = "accept reminder; accept by " + TIME.format(acceptDueAt);
        if (events.exists(leadId, LeadEventType.REMINDED, lead.partnerId(), detail)) {
            return;
        }
        events.record(leadId, LeadEventType.REMINDED, LeadEvent.SYSTEM, lead.partnerId(), detail);
        notifier.acceptReminder(lead, acceptDueAt);
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

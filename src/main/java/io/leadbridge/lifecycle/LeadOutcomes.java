package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lead.OfferOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What came of a lead: first contact, won, lost, or an end without a partner. */
@Service
public class LeadOutcomes {

    private static final Logger log = LoggerFactory.getLogger(LeadOutcomes.class);

    private final LeadRepository leads;
    private final LeadEventLog events;
    private final LeadOfferLog offers;

    LeadOutcomes(LeadRepository leads, LeadEventLog events, LeadOfferLog offers) {
        this.leads = leads;
        this.events = events;
        this.offers = offers;
    }

    /**
     * Records a rep's report of first contact, or of a failed attempt. A lead won or lost at first
     * contact is closed by opportunity.DealProgress, with its value or reason.
     */
    public void recordContact(long leadId, ContactOutcome outcome, String note, String actor) {
        Lead lead = leads.get(leadId);
        switch (outcome) {
            case CONTACTED -> {
                leads.contacted(leadId);
                events.recordByDeadline(leadId, LeadEventType.CONTACTED, actor, lead.partnerId(), note,
                        lead.deadline("CONTACT"));
            }
            case NOT_REACHABLE -> events.record(leadId, LeadEventType.CONTACT_ATTEMPTED, actor, lead.partnerId(),
                    note == null ? "prospect not reachable" : "prospect not reachable: " + note);
            default -> throw new IllegalArgumentException("not a contact report: " + outcome);
        }
        log.info("lead {}: {} reported by {}", leadId, outcome, actor);
    }

    /** Ends a lead that goes no further: NURTURE or DISQUALIFIED. */
    public void close(long leadId, LeadStatus finalStatus, String why) {
        LeadEventType type = switch (finalStatus) {
            case NURTURE -> LeadEventType.NURTURE;
            case DISQUALIFIED -> LeadEventType.DISQUALIFIED;
            default -> throw new IllegalArgumentException("not a final status without a partner: " + finalStatus);
        };
        offers.close(leadId, OfferOutcome.CLOSED);
        leads.close(leadId, finalStatus, why);
        events.record(leadId, type, LeadEvent.SYSTEM, null, why);
    }

    public void handOverToInsideSales(long leadId) {
        leads.changeStatus(leadId, LeadStatus.INSIDE_SALES);
        events.record(leadId, LeadEventType.INSIDE_SALES, LeadEvent.SYSTEM, null,
                "handed to the vendor's inside sales team");
    }
}

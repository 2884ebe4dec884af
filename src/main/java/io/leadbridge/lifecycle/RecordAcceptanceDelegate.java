package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.prospect.Contact;
import io.leadbridge.prospect.ProspectRepository;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record acceptance": the accepting rep holds the lead and must report first contact before the
 * contact deadline. The deadline is fixed now, so reporting "not reachable" does not extend it.
 */
@Component
class RecordAcceptanceDelegate implements JavaDelegate {

    private final LeadHolding holding;
    private final LeadRepository leads;
    private final ProspectRepository prospects;
    private final LeadClock clock;
    private final WorkingCalendars calendars;

    RecordAcceptanceDelegate(LeadHolding holding, LeadRepository leads, ProspectRepository prospects,
            LeadClock clock, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.holding = holding;
        this.leads = leads;
        this.prospects = prospects;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        String rep = LeadVariables.text(execution, LeadVariables.TASK_WORKER);
        Instant now = clock.now();
        String partnerId = LeadVariables.text(execution, LeadVariables.WINNING_PARTNER);
        SlaClock slaClock = LeadVariables.slaClock(execution);
        Instant reminderAt = calendars.partnerDue(slaClock, partnerId, now,
                LeadVariables.text(execution, LeadVariables.CONTACT_REMINDER));
        Instant dueAt = calendars.partnerDue(slaClock, partnerId, now,
                LeadVariables.text(execution, LeadVariables.CONTACT_SLA));

        holding.handToAcceptingPartner(leadId, partnerId, rep, dueAt);

        Lead lead = leads.get(leadId);
        Contact contact = prospects.contact(lead.contactId());
        execution.setVariable(LeadVariables.REP_USERNAME, rep);
        execution.setVariable(LeadVariables.CONTACT_REMINDER_AT, Date.from(reminderAt));
        execution.setVariable(LeadVariables.CONTACT_DUE_AT, Date.from(dueAt));
        execution.setVariable(LeadVariables.CONTACT_NAME, contact.fullName());
        execution.setVariable(LeadVariables.CONTACT_EMAIL, contact.email());
        execution.setVariable(LeadVariables.CONTACT_PHONE, contact.phone());
        execution.setVariable(LeadVariables.CONTACT_TITLE, contact.title());
        execution.setVariable(LeadVariables.OUTCOME, null);
    }
}

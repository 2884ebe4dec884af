package io.leadbridge.lifecycle;

import io.leadbridge.config.IsoDurations;
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

    RecordAcceptanceDelegate(LeadHolding holding, LeadRepository leads, ProspectRepository prospects,
            LeadClock clock) {
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
        Instant reminderAt = IsoDurations.after(now, LeadVariables.text(execution, LeadVariables.CONTACT_REMINDER));
        Instant dueAt = IsoDurations.after(now, LeadVariables.text(execution, LeadVariables.CONTACT_SLA));

        holding.accept(leadId, LeadVariables.text(execution, LeadVariables.WINNING_PARTNER), rep, dueAt);

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

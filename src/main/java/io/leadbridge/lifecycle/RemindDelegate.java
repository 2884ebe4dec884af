package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind partner to accept" / "Remind rep to contact" (the step's {@code reminder} input says which). */
@Component
class RemindDelegate implements JavaDelegate {

    private final LeadHolding holding;

    RemindDelegate(LeadHolding holding) {
        this.holding = holding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        LeadVariables lead = LeadVariables.of(execution);
        if (lead.reminder() == LeadVariables.Reminder.CONTACT) {
            holding.remindToContact(leadId, lead.contactDueAt());
        } else {
            holding.remindToAccept(leadId, lead.acceptDueAt());
        }
    }
}

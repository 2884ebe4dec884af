package io.leadbridge.lifecycle;

import java.util.Date;
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
        if ("CONTACT".equals(execution.getVariable(LeadVariables.REMINDER))) {
            holding.remindToContact(leadId, ((Date) execution.getVariable(LeadVariables.CONTACT_DUE_AT)).toInstant());
        } else {
            holding.remindToAccept(leadId, ((Date) execution.getVariable(LeadVariables.ACCEPT_DUE_AT)).toInstant());
        }
    }
}

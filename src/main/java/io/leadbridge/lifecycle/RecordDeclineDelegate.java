package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record decline": the partner gives the lead back with a reason; the next partner is selected. */
@Component
class RecordDeclineDelegate implements JavaDelegate {

    private final LeadHolding holding;

    RecordDeclineDelegate(LeadHolding holding) {
        this.holding = holding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        holding.decline(LeadVariables.leadId(execution), LeadVariables.text(execution, LeadVariables.TASK_WORKER),
                LeadVariables.text(execution, LeadVariables.DECLINE_REASON));
        execution.setVariable(LeadVariables.REP_USERNAME, null);
        // Only a channel manager nominates a partner; a value smuggled in with the answer is dropped.
        execution.setVariable(LeadVariables.NOMINATED_PARTNER_ID, null);
        execution.setVariable(LeadVariables.NOMINATED_REP, null);
        execution.setVariable(LeadVariables.NOMINATED_BY, null);
    }
}

package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Return lead to nurture" / "Disqualify lead" (the step's {@code finalStatus} input says which). */
@Component
class CloseLeadDelegate implements JavaDelegate {

    private final LeadOutcomes outcomes;

    CloseLeadDelegate(LeadOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadStatus status = LeadStatus.valueOf(LeadVariables.text(execution, LeadVariables.FINAL_STATUS));
        outcomes.close(LeadVariables.leadId(execution), status,
                "qualification route " + execution.getVariable(LeadVariables.ROUTE) + ", grade "
                        + execution.getVariable(LeadVariables.GRADE));
    }
}

package io.leadbridge.lifecycle;

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
        LeadVariables lead = LeadVariables.of(execution);
        outcomes.close(LeadVariables.leadId(execution), lead.finalStatus(),
                "qualification route " + lead.route() + ", grade " + lead.grade());
    }
}

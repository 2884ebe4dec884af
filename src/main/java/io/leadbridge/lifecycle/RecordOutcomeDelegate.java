package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record contact outcome" / "Record final outcome": what the rep reported about the prospect. */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private final LeadOutcomes outcomes;

    RecordOutcomeDelegate(LeadOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContactOutcome outcome = ContactOutcome.valueOf(LeadVariables.text(execution, LeadVariables.OUTCOME));
        outcomes.record(LeadVariables.leadId(execution), outcome,
                LeadVariables.text(execution, LeadVariables.LOST_REASON),
                LeadVariables.text(execution, LeadVariables.NOTE),
                LeadVariables.text(execution, LeadVariables.TASK_WORKER));
    }
}

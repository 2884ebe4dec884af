package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadRepository;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record contact outcome" / "Record final outcome": what the rep reported about the prospect. */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private final LeadOutcomes outcomes;
    private final LeadRepository leads;

    RecordOutcomeDelegate(LeadOutcomes outcomes, LeadRepository leads) {
        this.outcomes = outcomes;
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContactOutcome outcome = ContactOutcome.valueOf(LeadVariables.text(execution, LeadVariables.OUTCOME));
        long leadId = LeadVariables.leadId(execution);
        outcomes.record(leadId, outcome, LeadVariables.text(execution, LeadVariables.LOST_REASON),
                LeadVariables.text(execution, LeadVariables.NOTE),
                LeadVariables.text(execution, LeadVariables.TASK_WORKER));
        if (outcome == ContactOutcome.NOT_REACHABLE) {
            // The rep gets the task again: with the holder and deadline of record, whatever the
            // completion may have written into the variables.
            Lead lead = leads.get(leadId);
            execution.setVariable(LeadVariables.REP_USERNAME, lead.repUsername());
            execution.setVariable(LeadVariables.CONTACT_DUE_AT, Date.from(lead.slaDueAt()));
        }
    }
}

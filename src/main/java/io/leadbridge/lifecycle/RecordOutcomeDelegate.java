package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.StatusUpdate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record contact outcome" / "Record inside sales outcome": what the rep (or inside sales)
 * reported about the prospect. A lead won or lost right away is closed with its value or reason.
 */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private final LeadOutcomes outcomes;
    private final DealProgress deals;
    private final LeadRepository leads;

    RecordOutcomeDelegate(LeadOutcomes outcomes, DealProgress deals, LeadRepository leads) {
        this.outcomes = outcomes;
        this.deals = deals;
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadVariables variables = LeadVariables.of(execution);
        ContactOutcome outcome = variables.outcome().orElseThrow(
                () -> new IllegalStateException("the contact task's answer has no outcome"));
        long leadId = LeadVariables.leadId(execution);
        String worker = variables.taskWorker();
        if (outcome == ContactOutcome.WON || outcome == ContactOutcome.LOST) {
            deals.apply(leadId, StatusUpdate.closingFromVariables(execution, DealAction.valueOf(outcome.name())), worker);
            return;
        }
        outcomes.recordContact(leadId, outcome, variables.note(), worker);
        if (outcome == ContactOutcome.CONTACTED) {
            // The "Report progress" form shows how many status updates are overdue: none yet.
            variables.missedStatusUpdates(0);
        }
        if (outcome == ContactOutcome.NOT_REACHABLE) {
            // The rep gets the task again: with the holder and deadline of record, whatever the
            // completion may have written into the variables.
            Lead lead = leads.get(leadId);
            variables.stillHeldBy(lead.repUsername(), lead.slaDueAt());
        }
    }
}

package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.StatusUpdate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record status update": writes the rep's report (note, opportunity, won or lost), then puts the
 * opportunity as it now stands into the variables the next "Report progress" form shows.
 */
@Component
class RecordStatusUpdateDelegate implements JavaDelegate {

    private final DealProgress deals;
    private final OpportunityRepository opportunities;

    RecordStatusUpdateDelegate(DealProgress deals, OpportunityRepository opportunities) {
        this.deals = deals;
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        LeadVariables lead = LeadVariables.of(execution);
        LeadStatus after = deals.apply(leadId, StatusUpdate.fromVariables(execution), lead.taskWorker());
        lead.dealClosed(after.isClosed(), after);
        showOpportunity(execution, leadId);
    }

    /** The form's fields start from the opportunity of record; the last answer's action and note are cleared. */
    private void showOpportunity(DelegateExecution execution, long leadId) {
        execution.setVariable(StatusUpdate.ACTION, null);
        execution.setVariable(StatusUpdate.NOTE, null);
        LeadVariables.of(execution).missedStatusUpdates(0);
        var opportunity = opportunities.find(leadId);
        LeadVariables.of(execution).hasOpportunity(opportunity.isPresent());
        execution.setVariable(StatusUpdate.STAGE, opportunity.map(o -> o.stage().name()).orElse(null));
        execution.setVariable(StatusUpdate.AMOUNT, opportunity.map(o -> o.amount().toPlainString()).orElse(null));
        execution.setVariable(StatusUpdate.CURRENCY, opportunity.map(Opportunity::currency).orElse(null));
        execution.setVariable(StatusUpdate.EXPECTED_CLOSE_DATE,
                opportunity.map(o -> o.expectedCloseDate().toString()).orElse(null));
        execution.setVariable(StatusUpdate.PRODUCTS,
                opportunity.filter(o -> !o.products().isEmpty()).map(o -> String.join(", ", o.products())).orElse(null));
    }
}

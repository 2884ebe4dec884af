package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.StatusUpdate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record status update": writes the rep's report (note, opportunity, won or lost), read from the
 * report's own scope ("Report on the lead"), and notes whether the lead now has an opportunity.
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

    /** The next report starts from the opportunity of record (OpportunityOnForm); no update is overdue now. */
    private void showOpportunity(DelegateExecution execution, long leadId) {
        LeadVariables.of(execution).missedStatusUpdates(0);
        LeadVariables.of(execution).hasOpportunity(opportunities.find(leadId).isPresent());
    }
}

package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record chase": what the channel manager did about the overdue status updates, on the lead's timeline. */
@Component
class RecordChaseDelegate implements JavaDelegate {

    private final LeadRepository leads;
    private final LeadEventLog events;

    RecordChaseDelegate(LeadRepository leads, LeadEventLog events) {
        this.leads = leads;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        LeadVariables chase = LeadVariables.of(execution);
        events.record(leadId, LeadEventType.STATUS_UPDATE_CHASED, chase.taskWorker(), leads.get(leadId).partnerId(),
                (chase.withdrawAfterChase() ? "withdrawing the lead: " : "") + chase.chaseNote());
    }
}

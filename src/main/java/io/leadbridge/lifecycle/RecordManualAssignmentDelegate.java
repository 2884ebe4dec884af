package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record manual assignment": the channel manager's chosen partner gets the next offer. */
@Component
class RecordManualAssignmentDelegate implements JavaDelegate {

    private final LeadEventLog events;

    RecordManualAssignmentDelegate(LeadEventLog events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        String partnerId = lead.assignedPartnerId();
        events.record(LeadVariables.leadId(execution), LeadEventType.ASSIGNED, lead.taskWorker(), partnerId,
                "distributed manually");
        lead.assignedManually(partnerId);
    }
}

package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.routing.RoutingDecisionLog.Method;
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
        String partnerId = LeadVariables.text(execution, LeadVariables.ASSIGNED_PARTNER_ID);
        events.record(LeadVariables.leadId(execution), LeadEventType.ASSIGNED,
                LeadVariables.text(execution, LeadVariables.TASK_WORKER), partnerId, "distributed manually");
        execution.setVariable(LeadVariables.NOMINATED_PARTNER_ID, partnerId);
        execution.setVariable(LeadVariables.NOMINATED_REP, null);
        execution.setVariable(LeadVariables.NOMINATED_BY, Method.MANUAL.name());
        execution.setVariable(LeadVariables.ASSIGNED_PARTNER_ID, null);
    }
}

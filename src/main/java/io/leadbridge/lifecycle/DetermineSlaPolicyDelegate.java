package io.leadbridge.lifecycle;

import io.leadbridge.lifecycle.LeadRouting.SlaForOffer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Determine SLA policy": the slaPolicy table's terms for the next offer. */
@Component
class DetermineSlaPolicyDelegate implements JavaDelegate {

    private final LeadRouting routing;

    DetermineSlaPolicyDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaForOffer sla = routing.slaForNextOffer(LeadVariables.leadId(execution));
        execution.setVariable(LeadVariables.ATTEMPT, sla.attempt());
        execution.setVariable(LeadVariables.MAX_ATTEMPTS, sla.terms().maxAttempts());
        execution.setVariable(LeadVariables.ACCEPT_REMINDER, sla.terms().acceptReminder());
        execution.setVariable(LeadVariables.ACCEPT_SLA, sla.terms().acceptSla());
        execution.setVariable(LeadVariables.CONTACT_REMINDER, sla.terms().contactReminder());
        execution.setVariable(LeadVariables.CONTACT_SLA, sla.terms().contactSla());
        execution.setVariable(LeadVariables.STATUS_UPDATE_CYCLE, sla.terms().statusUpdateCycle());
        execution.setVariable(LeadVariables.MISSED_UPDATES_TO_ESCALATE, sla.terms().missedUpdatesToEscalate());
        execution.setVariable(LeadVariables.SLA_CLOCK, sla.terms().clock().label());
    }
}

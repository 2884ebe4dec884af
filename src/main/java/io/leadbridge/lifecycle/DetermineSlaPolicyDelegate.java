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
        LeadVariables.of(execution).slaPolicy(sla.attempt(), sla.terms());
    }
}

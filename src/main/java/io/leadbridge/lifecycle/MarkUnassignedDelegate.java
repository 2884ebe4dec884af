package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark lead unassigned": no rule could place the lead, a channel manager distributes it. */
@Component
class MarkUnassignedDelegate implements JavaDelegate {

    private final LeadRouting routing;

    MarkUnassignedDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        String why = lead.attempt() > lead.maxAttempts()
                ? "all " + lead.maxAttempts() + " offers the SLA policy allows were used"
                : lead.selectionNote();
        routing.markUnassigned(LeadVariables.leadId(execution), why);
        lead.noPartner();
    }
}

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
        int attempt = (Integer) execution.getVariable(LeadVariables.ATTEMPT);
        int maxAttempts = (Integer) execution.getVariable(LeadVariables.MAX_ATTEMPTS);
        String why = attempt > maxAttempts
                ? "all " + maxAttempts + " offers the SLA policy allows were used"
                : LeadVariables.text(execution, LeadVariables.SELECTION_NOTE);
        routing.markUnassigned(LeadVariables.leadId(execution), why);
        execution.setVariable(LeadVariables.PARTNER_ID, null);
    }
}

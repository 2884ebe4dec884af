package io.leadbridge.lifecycle;

import io.leadbridge.routing.Qualification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Qualify lead": the leadQualification table gives segment, grade and route. */
@Component
class QualifyLeadDelegate implements JavaDelegate {

    private final LeadRouting routing;

    QualifyLeadDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Qualification q = routing.qualify(LeadVariables.leadId(execution), execution.getVariables());
        LeadVariables.of(execution).qualified(q);
    }
}

package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand over to inside sales": the vendor's own team works the lead. */
@Component
class HandOverToInsideSalesDelegate implements JavaDelegate {

    private final LeadOutcomes outcomes;

    HandOverToInsideSalesDelegate(LeadOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.handOverToInsideSales(LeadVariables.leadId(execution));
    }
}

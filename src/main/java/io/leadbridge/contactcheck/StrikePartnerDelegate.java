package io.leadbridge.contactcheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record a strike against the partner": the partner standing process judges it. */
@Component
class StrikePartnerDelegate implements JavaDelegate {

    private final ContactChecks checks;

    StrikePartnerDelegate(ContactChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checks.strikePartner(ContactCheckVariables.checkId(execution));
    }
}

package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Flag stale deal and end protection": no status update came within the table's stale period. */
@Component
class FlagStaleDealDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    FlagStaleDealDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.endForWantOfUpdates(DealVariables.registrationId(execution),
                DealVariables.text(execution, DealVariables.STALE_AFTER));
    }
}

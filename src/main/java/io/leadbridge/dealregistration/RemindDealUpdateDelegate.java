package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the partner to report": half the time to the next status update is gone. */
@Component
class RemindDealUpdateDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    RemindDealUpdateDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.remindOfUpdate(DealVariables.registrationId(execution),
                DealVariables.instant(execution, DealVariables.UPDATE_DUE_AT));
    }
}

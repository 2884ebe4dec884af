package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "End protection": the table's protection period is over. */
@Component
class EndDealProtectionDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    EndDealProtectionDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.expire(DealVariables.registrationId(execution));
    }
}

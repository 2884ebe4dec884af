package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reject registration": with the reviewer's reason, or the table's when nobody reviewed. */
@Component
class RejectDealRegistrationDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    RejectDealRegistrationDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewer = DealVariables.text(execution, DealVariables.REVIEWER);
        String reason = reviewer == null ? DealVariables.text(execution, DealVariables.REJECTION_REASON)
                : DealVariables.text(execution, DealVariables.REVIEW_REASON);
        registrations.reject(DealVariables.registrationId(execution),
                reviewer == null ? DealRegistrations.TABLE : reviewer, reason);
    }
}

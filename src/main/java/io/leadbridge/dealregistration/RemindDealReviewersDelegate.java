package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind channel managers": writes the reminder mails; "Send reminder" delivers them. */
@Component
class RemindDealReviewersDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    RemindDealReviewersDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.remindReviewers(DealVariables.registrationId(execution),
                DealVariables.instant(execution, DealVariables.REVIEW_DUE_AT));
    }
}

package io.leadbridge.supportrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind channel managers": writes the reminder mails; "Send reminder" delivers them. */
@Component
class RemindSupportReviewersDelegate implements JavaDelegate {

    private final SupportRequests requests;

    RemindSupportReviewersDelegate(SupportRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.remindReviewers(SupportVariables.requestId(execution), SupportVariables.reviewDueAt(execution));
    }
}

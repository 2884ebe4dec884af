package io.leadbridge.supportrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the answer": in the transaction of the review's completion. */
@Component
class RecordSupportAnswerDelegate implements JavaDelegate {

    private final SupportRequests requests;

    RecordSupportAnswerDelegate(SupportRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupportDecision decision = SupportDecision.valueOf(SupportVariables.text(execution, SupportVariables.DECISION));
        String answer = SupportVariables.text(execution,
                decision == SupportDecision.APPROVE ? SupportVariables.TERMS : SupportVariables.REASON);
        requests.answer(SupportVariables.requestId(execution), decision, answer,
                SupportVariables.text(execution, SupportVariables.REVIEWER));
    }
}

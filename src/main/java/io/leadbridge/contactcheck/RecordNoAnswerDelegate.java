package io.leadbridge.contactcheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record that the customer did not answer". */
@Component
class RecordNoAnswerDelegate implements JavaDelegate {

    private final ContactChecks checks;

    RecordNoAnswerDelegate(ContactChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checks.recordNoAnswer(ContactCheckVariables.checkId(execution));
    }
}

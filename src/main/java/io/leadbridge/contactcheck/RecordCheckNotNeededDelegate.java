package io.leadbridge.contactcheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record why the check is not needed". */
@Component
class RecordCheckNotNeededDelegate implements JavaDelegate {

    private final ContactChecks checks;

    RecordCheckNotNeededDelegate(ContactChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checks.skip(ContactCheckVariables.checkId(execution), ContactCheckVariables.skipReason(execution));
    }
}

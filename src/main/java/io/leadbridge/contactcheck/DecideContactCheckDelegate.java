package io.leadbridge.contactcheck;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check whether the customer may be asked": the lead still held, not closed, the contact reachable and willing. */
@Component
class DecideContactCheckDelegate implements JavaDelegate {

    private final ContactChecks checks;

    DecideContactCheckDelegate(ContactChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<SkipReason> skip = checks.reasonNotToAsk(ContactCheckVariables.checkId(execution));
        ContactCheckVariables.decided(execution, skip);
    }
}

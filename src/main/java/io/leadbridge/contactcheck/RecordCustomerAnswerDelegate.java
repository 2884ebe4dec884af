package io.leadbridge.contactcheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the customer's answer": in the transaction of the customer's POST. */
@Component
class RecordCustomerAnswerDelegate implements JavaDelegate {

    private final ContactChecks checks;

    RecordCustomerAnswerDelegate(ContactChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerAnswer parsed = ContactCheckVariables.customerAnswer(execution)
                .orElseThrow(() -> new IllegalArgumentException(ContactCheckVariables.CUSTOMER_ANSWER
                        + " must be YES or NO, is " + execution.getVariable(ContactCheckVariables.CUSTOMER_ANSWER)));
        // The gateway reads the variable: keep it in the one spelling it tests.
        execution.setVariable(ContactCheckVariables.CUSTOMER_ANSWER, parsed.name());
        checks.recordAnswer(ContactCheckVariables.checkId(execution), parsed);
    }
}

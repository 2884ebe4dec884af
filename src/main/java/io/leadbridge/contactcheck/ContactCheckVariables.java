package io.leadbridge.contactcheck;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the customer contact check process's variables and steps, in one place. The check id
 * is the business key; variables hold the lead and partner ids (for readers of Cockpit), the
 * deadlines and the route taken.
 */
final class ContactCheckVariables {

    static final String PROCESS_KEY = "customerContactCheck";
    /** The customer answered on the public page; carries {@link #CUSTOMER_ANSWER}. */
    static final String MESSAGE_ANSWERED = "CustomerContactCheckAnswered";
    static final String TASK_AWAIT_ANSWER = "Task_AwaitCustomerAnswer";

    static final String LEAD_ID = "leadId";
    static final String PARTNER_ID = "partnerId";
    /** When the customer is to be asked: acceptance + the slaPolicy table's customerCheckAfter. */
    static final String CHECK_DUE_AT = "checkDueAt";
    static final String CHECK_AFTER = "customerCheckAfter";
    /** Whether the customer is asked; if not, {@link #SKIP_REASON} says why. */
    static final String ASK_CUSTOMER = "askCustomer";
    static final String SKIP_REASON = "skipReason";
    /** When the customer's links stop working and the check counts as unanswered. */
    static final String ANSWER_DUE_AT = "answerDueAt";
    /** YES or NO. */
    static final String CUSTOMER_ANSWER = "customerAnswer";

    private ContactCheckVariables() {
    }

    /** The check of the process: its business key, never a variable a message could overwrite. */
    static String checkId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    /** Why the customer is not asked; only set when {@link #ASK_CUSTOMER} is false. */
    static SkipReason skipReason(VariableScope scope) {
        return SkipReason.valueOf(String.valueOf(scope.getVariable(SKIP_REASON)));
    }

    static void decided(VariableScope scope, Optional<SkipReason> skip) {
        scope.setVariable(ASK_CUSTOMER, skip.isEmpty());
        scope.setVariable(SKIP_REASON, skip.map(SkipReason::name).orElse(null));
    }

    /** The customer's answer as the message carried it; empty when it is neither YES nor NO. */
    static Optional<CustomerAnswer> customerAnswer(VariableScope scope) {
        Object answer = scope.getVariable(CUSTOMER_ANSWER);
        return CustomerAnswer.parse(answer == null ? null : answer.toString());
    }
}

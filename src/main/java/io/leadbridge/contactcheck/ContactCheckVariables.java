package io.leadbridge.contactcheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;

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
}

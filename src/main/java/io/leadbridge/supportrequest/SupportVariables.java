package io.leadbridge.supportrequest;

import io.leadbridge.config.EngineVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the support request process's variables and steps, in one place. The request id is
 * the business key; variables hold the facts the reviewer reads and the review's answer.
 */
final class SupportVariables {

    static final String PROCESS_KEY = "supportRequest";
    static final String TASK_REVIEW = "Task_ReviewSupportRequest";

    // Facts shown read-only in the review form.
    static final String LEAD_ID = "leadId";
    static final String ACCOUNT_NAME = "accountName";
    static final String PRODUCT = "product";
    static final String PARTNER_ID = "partnerId";
    static final String PARTNER_NAME = "partnerName";
    static final String REP = "rep";
    static final String KIND = "requestKind";
    static final String DISCOUNT_PERCENT = "discountPercent";
    static final String JUSTIFICATION = "justification";

    // The review's deadlines, from the slaPolicy table's supportSla.
    static final String REVIEW_SLA = "reviewSla";
    static final String REVIEW_REMINDER_AT = "reviewReminderAt";
    static final String REVIEW_DUE_AT = "reviewDueAt";

    // The answer.
    static final String DECISION = "supportDecision";
    static final String TERMS = "supportTerms";
    static final String REASON = "supportReason";
    static final String REVIEWER = "supportReviewer";

    private SupportVariables() {
    }

    /** The request of the process: its business key, never a variable a task completion could overwrite. */
    static String requestId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    static String text(VariableScope scope, String name) {
        return EngineVariables.text(scope, name);
    }
}

package io.leadbridge.supportrequest;

import io.leadbridge.config.EngineVariables;
import java.time.Instant;
import java.util.Date;
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

    /** The lead the request is about (a fact the review form shows). */
    static long leadId(VariableScope scope) {
        return ((Number) scope.getVariable(LEAD_ID)).longValue();
    }

    /** The review's time limit, an ISO-8601 duration from the slaPolicy table's supportSla. */
    static String reviewSla(VariableScope scope) {
        return text(scope, REVIEW_SLA);
    }

    static Instant reviewDueAt(VariableScope scope) {
        return ((Date) scope.getVariable(REVIEW_DUE_AT)).toInstant();
    }
}

package io.leadbridge.dealregistration;

import io.leadbridge.config.EngineVariables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the deal registration process's variables and steps, in one place. The registration
 * id is the business key; variables hold the table's answer, the deadlines and the facts the
 * review form shows (no contact person: that stays in the application's tables).
 */
final class DealVariables {

    static final String PROCESS_KEY = "dealRegistration";
    static final String TASK_REVIEW = "Task_ReviewDealRegistration";
    static final String TASK_REPORT = "Task_ReportOnDeal";
    /** Received by instances started before the deal pipeline (their wait for updates was a receive task). */
    static final String MESSAGE_DEAL_UPDATED = "DealUpdated";

    // Facts shown read-only in the review form.
    static final String PARTNER_ID = "partnerId";
    static final String PARTNER_NAME = "partnerName";
    static final String ACCOUNT_NAME = "accountName";
    static final String PRODUCTS = "products";
    static final String AMOUNT = "amount";
    static final String CONFLICT = "conflict";
    static final String CONFLICT_DETAIL = "conflictDetail";

    // The dealApproval table's answer.
    static final String OUTCOME = "approvalOutcome";
    static final String REJECTION_REASON = "rejectionReason";
    static final String REVIEW_SLA = "reviewSla";
    static final String PROTECTION_PERIOD = "protectionPeriod";
    static final String STALE_AFTER = "staleAfter";

    // Deadlines, worked out once.
    static final String REVIEW_REMINDER_AT = "reviewReminderAt";
    static final String REVIEW_DUE_AT = "reviewDueAt";
    static final String PROTECTED_UNTIL = "protectedUntil";
    static final String UPDATE_DUE_AT = "updateDueAt";
    static final String UPDATE_REMINDER_AT = "updateReminderAt";

    // The partner's report on the deal ("Report on the deal"): local to the task, empty each round.
    static final String DEAL_ACTION = "dealAction";
    static final String DEAL_STAGE = "dealStage";
    static final String DEAL_AMOUNT = "dealAmount";
    static final String DEAL_CLOSE_DATE = "dealCloseDate";
    static final String LOST_REASON = "lostReason";
    static final String DEAL_NOTE = "dealNote";
    /** Where the deal stands after the report: OPEN, WON or LOST (read by "Won, lost or still open?"). */
    static final String DEAL_OUTCOME = "dealOutcome";

    // The reviewer's answer.
    static final String DECISION = "reviewDecision";
    static final String REVIEW_REASON = "reviewReason";
    static final String REVIEWER = "reviewer";

    private DealVariables() {
    }

    /** The registration of the process: its business key, never a variable a task completion could overwrite. */
    static long registrationId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    static String text(VariableScope scope, String name) {
        return EngineVariables.text(scope, name);
    }

    static Instant instant(VariableScope scope, String name) {
        return ((Date) scope.getVariable(name)).toInstant();
    }
}

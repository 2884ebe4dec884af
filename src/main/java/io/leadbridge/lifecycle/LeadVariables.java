package io.leadbridge.lifecycle;

/**
 * Names of the lead process's variables, in one place. Variables hold ids and small routing
 * facts only; the lead itself lives in the {@code lead} table.
 */
public final class LeadVariables {

    public static final String PROCESS_KEY = "leadLifecycle";
    /** Message a channel manager's withdrawal or reassignment sends to the lead's process. */
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "LeadWithdrawalRequested";

    // Facts about the lead, set when the process starts (inputs of the decision tables).
    /** For readers of Cockpit; the code takes the lead id from the business key. */
    public static final String LEAD_ID = "leadId";
    public static final String SCORE = "score";
    public static final String EMPLOYEES = "employees";
    public static final String ANNUAL_REVENUE = "annualRevenue";
    public static final String COUNTRY = "country";
    public static final String PRODUCT = "product";
    public static final String INDUSTRY = "industry";
    public static final String ACCOUNT_NAME = "accountName";
    public static final String ACCOUNT_DOMAIN = "accountDomain";
    public static final String CAMPAIGN = "campaign";

    // Qualification and protection.
    public static final String SEGMENT = "segment";
    public static final String GRADE = "grade";
    public static final String ROUTE = "route";
    public static final String ACCOUNT_PROTECTED = "accountProtected";

    // Routing.
    /** The partner the next offer goes to without rule-based selection (protected account, manual assignment). */
    public static final String NOMINATED_PARTNER_ID = "nominatedPartnerId";
    public static final String NOMINATED_REP = "nominatedRepUsername";
    /** Who nominated: PROTECTED_ACCOUNT, MANUAL or REASSIGNED (see RoutingDecisionLog.Method). */
    public static final String NOMINATED_BY = "nominatedBy";
    public static final String PARTNER_FOUND = "partnerFound";
    public static final String PARTNER_ID = "partnerId";
    public static final String REP_USERNAME = "repUsername";
    /**
     * The partners the current offer goes to, comma-separated: one, or several in an open competition.
     * Transient (see OfferedPartnerList): competitors never read each other's names in it.
     */
    public static final String OFFERED_PARTNERS = "offeredPartners";
    /** The partner of one "Accept or decline lead" task (the multi-instance element). */
    public static final String COMPETITOR = "competitor";
    /** The partner whose rep accepted first; set only by the completion listener. */
    public static final String WINNING_PARTNER = "winningPartnerId";
    public static final String OFFER_ASSIGNEE = "offerAssignee";
    /** Why the rules chose the partner (or nobody), for the lead's timeline. */
    public static final String SELECTION_NOTE = "selectionNote";

    // SLA policy for the current offer.
    public static final String ATTEMPT = "attempt";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String ACCEPT_REMINDER = "acceptReminder";
    public static final String ACCEPT_SLA = "acceptSla";
    public static final String CONTACT_REMINDER = "contactReminder";
    public static final String CONTACT_SLA = "contactSla";
    public static final String ACCEPT_REMINDER_AT = "acceptReminderAt";
    public static final String ACCEPT_DUE_AT = "acceptDueAt";
    public static final String CONTACT_REMINDER_AT = "contactReminderAt";
    public static final String CONTACT_DUE_AT = "contactDueAt";
    /**
     * How the offer's SLA durations are counted ({@code calendar} or {@code working}, the sla-policy
     * table's {@code clock}); leads that started before the table had it have none: calendar time.
     */
    public static final String SLA_CLOCK = "slaClock";
    /** How often the rep must report after first contact (a repeating ISO-8601 cycle, R/P7D). */
    public static final String STATUS_UPDATE_CYCLE = "statusUpdateCycle";
    /** After this many missed status updates in a row a channel manager chases the rep. */
    public static final String MISSED_UPDATES_TO_ESCALATE = "missedUpdatesToEscalate";

    // Following the lead up to a close (the rep's reports: see opportunity.StatusUpdate for their variables).
    public static final String DEAL_CLOSED = "dealClosed";
    public static final String HAS_OPPORTUNITY = "hasOpportunity";
    public static final String MISSED_STATUS_UPDATES = "missedStatusUpdates";
    public static final String CHASE_STATUS_UPDATE = "chaseStatusUpdate";
    /** The channel manager's answer on "Chase overdue status update". */
    public static final String CHASE_NOTE = "chaseNote";
    public static final String WITHDRAW_AFTER_CHASE = "withdrawAfterChase";

    // Answers from partner reps and channel managers (task forms, API, messages).
    public static final String OFFER_DECISION = "offerDecision";
    public static final String DECLINE_REASON = "declineReason";
    public static final String OUTCOME = "outcome";
    public static final String LOST_REASON = "lostReason";
    public static final String NOTE = "note";
    public static final String TASK_WORKER = "taskWorker";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    public static final String WITHDRAWAL_NOTE = "withdrawalNote";
    public static final String ASSIGNED_PARTNER_ID = "assignedPartnerId";

    // A prospect's contact person is never a variable: forms show it from the prospect's record
    // (ProspectContactOnForms), so personal data stays out of the engine and its history.

    // Local inputs of reusable steps.
    public static final String FINAL_STATUS = "finalStatus";
    public static final String REMINDER = "reminder";

    private LeadVariables() {
    }

    /**
     * The lead id of the process: its business key. Never read from a variable: nobody can change
     * the business key, while a variable is only as safe as every rule that guards it
     * (see taskform.TaskAnswerGuard).
     */
    public static long leadId(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long leadId(org.camunda.bpm.engine.delegate.DelegateTask task) {
        return leadId(task.getExecution());
    }

    public static io.leadbridge.calendar.SlaClock slaClock(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return io.leadbridge.calendar.SlaClock.of(text(scope, SLA_CLOCK));
    }

    public static String text(org.camunda.bpm.engine.delegate.VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /**
     * Empties the variables that hold a value from an earlier offer, and only those: a variable
     * that was never set is not created empty (each costs two rows in the engine's tables). Only
     * for variables that no process expression reads, since a missing one there is an error.
     */
    public static void clear(org.camunda.bpm.engine.delegate.VariableScope scope, String... names) {
        for (String name : names) {
            if (scope.hasVariable(name)) {
                scope.setVariable(name, null);
            }
        }
    }
}

package io.leadbridge.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.calendar.SlaClock;
import io.leadbridge.config.EngineVariables;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.routing.DecisionInputs;
import io.leadbridge.routing.Qualification;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.routing.SlaPolicyRules.SlaTerms;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The lead process's variables, in one place: their names (which the BPMN's expressions and
 * forms use too) and typed accessors, so no caller casts a value or spells an enum as text.
 * Variables hold ids and small routing facts only; the lead itself lives in the {@code lead}
 * table, the prospect's personal data in the prospect's (see {@link ProspectContactOnForms}).
 * <p>
 * Values are stored as the engine and the process's expressions need them: enums by name,
 * deadlines as dates, counts as integers. Read them through {@link #of(VariableScope)}.
 */
public final class LeadVariables {

    public static final String PROCESS_KEY = "leadLifecycle";
    /** Message a channel manager's withdrawal or reassignment sends to the lead's process. */
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "LeadWithdrawalRequested";

    // Facts about the lead, set when the process starts: the decision tables read them under these
    // names, which routing owns with its tables (DecisionInputs).
    /** For readers of Cockpit; the code takes the lead id from the business key. */
    public static final String LEAD_ID = DecisionInputs.LEAD_ID;
    public static final String SCORE = DecisionInputs.SCORE;
    public static final String EMPLOYEES = DecisionInputs.EMPLOYEES;
    public static final String ANNUAL_REVENUE = DecisionInputs.ANNUAL_REVENUE;
    public static final String COUNTRY = DecisionInputs.COUNTRY;
    public static final String PRODUCT = DecisionInputs.PRODUCT;
    public static final String INDUSTRY = DecisionInputs.INDUSTRY;
    public static final String ACCOUNT_NAME = DecisionInputs.ACCOUNT_NAME;
    public static final String ACCOUNT_DOMAIN = DecisionInputs.ACCOUNT_DOMAIN;
    public static final String CAMPAIGN = DecisionInputs.CAMPAIGN;

    // Qualification and protection.
    public static final String SEGMENT = DecisionInputs.SEGMENT;
    public static final String GRADE = DecisionInputs.GRADE;
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
    /**
     * The sla-policy table's terms the process's steps read, as one JSON text named by the terms
     * below ({@code {"acceptReminder":"PT12H","acceptSla":"P1D",...,"slaClock":"calendar"}}): one
     * variable instead of eight, each of which cost a lead two rows in the engine's tables. Leads
     * started before keep each term in a variable of its own under the same name (their process
     * versions' expressions may read them); see {@link #slaPolicy}.
     */
    public static final String SLA_TERMS = "slaTerms";
    public static final String ACCEPT_REMINDER = "acceptReminder";
    public static final String ACCEPT_SLA = "acceptSla";
    /**
     * How long each rep inside the partner has before the offer moves to the next rep or the lead
     * managers (the sla-policy table's {@code repAcceptSla}); none: no inside SLA.
     */
    public static final String REP_ACCEPT_SLA = "repAcceptSla";
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
    private static final List<String> TERMS = List.of(ACCEPT_REMINDER, ACCEPT_SLA, REP_ACCEPT_SLA, CONTACT_REMINDER,
            CONTACT_SLA, STATUS_UPDATE_CYCLE, MISSED_UPDATES_TO_ESCALATE, SLA_CLOCK);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Whether the rep takes the offer: the answer of "Accept or decline lead". */
    public enum OfferDecision { ACCEPT, DECLINE }

    /** Which deadline a reminder step is about: its local input {@code reminder}. */
    public enum Reminder { ACCEPT, CONTACT }

    private final VariableScope scope;
    /** The {@link #SLA_TERMS} text last read, and its terms. */
    private String termsText;
    private Map<String, Object> terms;

    private LeadVariables(VariableScope scope) {
        this.scope = scope;
    }

    /** The variables of a lead's process, seen from one of its executions or tasks. */
    public static LeadVariables of(VariableScope scope) {
        return new LeadVariables(scope);
    }

    /**
     * The lead id of the process: its business key. Never read from a variable: nobody can change
     * the business key, while a variable is only as safe as every rule that guards it
     * (see taskform.TaskAnswerGuard).
     */
    public static long leadId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    public static long leadId(DelegateTask task) {
        return leadId(task.getExecution());
    }

    /** A variable's text, trimmed; null when it is missing or blank. */
    public static String text(VariableScope scope, String name) {
        return EngineVariables.text(scope, name);
    }

    /**
     * Empties the variables that hold a value from an earlier offer, and only those: a variable
     * that was never set is not created empty (each costs two rows in the engine's tables). Only
     * for variables that no process expression reads, since a missing one there is an error.
     */
    public static void clear(VariableScope scope, String... names) {
        for (String name : names) {
            if (scope.hasVariable(name)) {
                set(scope, name, null);
            }
        }
    }

    /**
     * Sets a variable unless it already holds this value. The engine writes every set, even of an
     * equal value: an update of the runtime row and a read of its history row (docs/benchmarks.md
     * "Throughput"). A new offer re-sets about twenty variables, most of them to what they were
     * (the same SLA terms, still no nomination), so skipping those is a sixth of a withdrawal's
     * engine work. A variable that does not exist yet is always created, null or not: the
     * process's expressions read some that are null.
     */
    static void set(VariableScope scope, String name, Object value) {
        if (scope.hasVariable(name) && Objects.equals(scope.getVariable(name), value)) {
            return;
        }
        scope.setVariable(name, value);
    }

    private void set(String name, Object value) {
        set(scope, name, value);
    }

    /** Sets a value; a null empties the variable only where it exists (none is created empty). */
    private void setOrClear(String name, Object value) {
        if (value == null) {
            clear(scope, name);
        } else {
            set(name, value);
        }
    }

    // The lead's facts.

    public String accountName() {
        return text(ACCOUNT_NAME);
    }

    public String product() {
        return text(PRODUCT);
    }

    public String country() {
        return text(COUNTRY);
    }

    public String segment() {
        return text(SEGMENT);
    }

    public String grade() {
        return text(GRADE);
    }

    /** Where the qualification sent the lead; null before it ran. */
    public Qualification.Route route() {
        return enumValue(Qualification.Route.class, ROUTE).orElse(null);
    }

    /** What the qualification table said: segment, grade and route, for the gateways and the tasks' titles. */
    public void qualified(Qualification qualification) {
        set(SEGMENT, qualification.segment());
        set(GRADE, qualification.grade());
        set(ROUTE, qualification.route().name());
    }

    // Routing.

    public void accountProtected(boolean isProtected) {
        set(ACCOUNT_PROTECTED, isProtected);
    }

    /** The partner the next offer goes to without rule-based selection; null: the rules choose. */
    public String nominatedPartnerId() {
        return text(NOMINATED_PARTNER_ID);
    }

    public String nominatedRep() {
        return text(NOMINATED_REP);
    }

    /** Who nominated the partner; empty when nobody did or the origin is unknown. */
    public Optional<Method> nominatedBy() {
        return enumValue(Method.class, NOMINATED_BY);
    }

    /**
     * Names the partner (and, for a protected account, its rep) that the next offer goes to. The
     * partner variable is always there, for the gateway; the rep and who nominated are created
     * only with a value (most leads have neither).
     */
    public void nominate(String partnerId, String rep, Method by) {
        set(NOMINATED_PARTNER_ID, partnerId);
        setOrClear(NOMINATED_REP, rep);
        setOrClear(NOMINATED_BY, by == null ? null : by.name());
    }

    /** The next offer goes to whoever the rules choose. The partner variable stays, for the gateway. */
    public void forgetNomination() {
        set(NOMINATED_PARTNER_ID, null);
        clear(scope, NOMINATED_REP, NOMINATED_BY);
    }

    /** What "Select partner" found: whether a partner can take the lead, which one, and why. */
    public void selected(boolean found, String partnerId, String note) {
        set(PARTNER_FOUND, found);
        set(PARTNER_ID, partnerId);
        set(SELECTION_NOTE, note);
    }

    public String selectionNote() {
        return text(SELECTION_NOTE);
    }

    /** The lead has no partner (it waits for a channel manager). */
    public void noPartner() {
        set(PARTNER_ID, null);
    }

    /** The partners the current offer goes to, as kept (see {@link OfferedPartnerList}). */
    public String offeredPartners() {
        return text(OFFERED_PARTNERS);
    }

    /** The partner of one competitor's "Accept or decline lead" task. */
    public String competitor() {
        return text(COMPETITOR);
    }

    /** The partner whose rep accepted first; null while nobody has. */
    public String winningPartner() {
        return text(WINNING_PARTNER);
    }

    public void winningPartner(String partnerId) {
        set(WINNING_PARTNER, partnerId);
    }

    /**
     * A new offer: its partner (null in an open competition), the rep it is assigned to (a
     * protected account's) and its accept deadlines. Answers about earlier offers are not the new
     * partner's business, since its task shows the process's variables: they are emptied.
     */
    public void offered(String partnerId, String rep, Instant reminderAt, Instant dueAt) {
        set(PARTNER_ID, partnerId);
        set(WINNING_PARTNER, null);
        set(OFFER_ASSIGNEE, rep);
        set(ACCEPT_REMINDER_AT, Date.from(reminderAt));
        set(ACCEPT_DUE_AT, Date.from(dueAt));
        set(NOMINATED_PARTNER_ID, null); // read by a gateway: always there
        set(REP_USERNAME, rep);
        clear(scope, NOMINATED_REP, NOMINATED_BY, OFFER_DECISION, DECLINE_REASON, TASK_WORKER, WITHDRAWAL_NOTE,
                WITHDRAWN_BY);
    }

    /** The rep holds the lead and must report first contact by these deadlines. */
    public void accepted(String rep, Instant contactReminderAt, Instant contactDueAt) {
        set(REP_USERNAME, rep);
        set(CONTACT_REMINDER_AT, Date.from(contactReminderAt));
        set(CONTACT_DUE_AT, Date.from(contactDueAt));
        set(OUTCOME, null);
    }

    /** The contact task goes back to the holder of record, with the deadline of record. */
    public void stillHeldBy(String rep, Instant contactDueAt) {
        set(REP_USERNAME, rep);
        set(CONTACT_DUE_AT, Date.from(contactDueAt));
    }

    /** Nobody holds the lead any more (declined or withdrawn). */
    public void released() {
        set(REP_USERNAME, null);
    }

    // The SLA policy of the current offer.

    /**
     * The sla-policy table's terms for the next offer, which is the {@code attempt}-th: the
     * attempt and the most attempts as variables of their own (a gateway compares them), the
     * terms the steps read as one {@link #SLA_TERMS} text. A lead that started before keeps its
     * term variables up to date too, for its process version's expressions.
     */
    public void slaPolicy(int attempt, SlaTerms terms) {
        set(ATTEMPT, attempt);
        set(MAX_ATTEMPTS, terms.maxAttempts());
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put(ACCEPT_REMINDER, terms.acceptReminder());
        kept.put(ACCEPT_SLA, terms.acceptSla());
        kept.put(REP_ACCEPT_SLA, terms.repAcceptSla());
        kept.put(CONTACT_REMINDER, terms.contactReminder());
        kept.put(CONTACT_SLA, terms.contactSla());
        kept.put(STATUS_UPDATE_CYCLE, terms.statusUpdateCycle());
        kept.put(MISSED_UPDATES_TO_ESCALATE, terms.missedUpdatesToEscalate());
        kept.put(SLA_CLOCK, terms.clock().label());
        try {
            set(SLA_TERMS, JSON.writeValueAsString(kept));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sla-policy terms cannot be written as JSON: " + kept, e);
        }
        kept.forEach((name, value) -> {
            if (scope.hasVariable(name)) {
                set(name, value);
            }
        });
    }

    /** One of the terms: from {@link #SLA_TERMS}, or from its own variable on a lead that started before. */
    private Object term(String name) {
        if (!(scope.getVariable(SLA_TERMS) instanceof String text) || text.isBlank()) {
            return scope.getVariable(name);
        }
        if (!text.equals(termsText)) {
            try {
                terms = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the lead's " + SLA_TERMS + " are not the JSON object of terms "
                        + TERMS + ": " + text, e);
            }
            termsText = text;
        }
        return terms.get(name);
    }

    private String termText(String name) {
        return term(name) instanceof String text && !text.isBlank() ? text.trim() : null;
    }

    public int attempt() {
        return number(ATTEMPT);
    }

    public int maxAttempts() {
        return number(MAX_ATTEMPTS);
    }

    /** ISO-8601 durations of the sla-policy table, counted on {@link #slaClock()}. */
    public String acceptReminder() {
        return termText(ACCEPT_REMINDER);
    }

    public String acceptSla() {
        return termText(ACCEPT_SLA);
    }

    /** The inside SLA of each rep, empty for leads (or tables) without one. */
    public Optional<String> repAcceptSla() {
        return Optional.ofNullable(termText(REP_ACCEPT_SLA));
    }

    public String contactReminder() {
        return termText(CONTACT_REMINDER);
    }

    public String contactSla() {
        return termText(CONTACT_SLA);
    }

    public String statusUpdateCycle() {
        return termText(STATUS_UPDATE_CYCLE);
    }

    /** After this many missed status updates in a row a channel manager chases the rep; empty: never. */
    public Optional<Integer> missedUpdatesToEscalate() {
        return term(MISSED_UPDATES_TO_ESCALATE) instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
    }

    /** The clock of the offer's durations; calendar time for leads that started before the table had one. */
    public SlaClock slaClock() {
        return SlaClock.of(termText(SLA_CLOCK));
    }

    public Instant acceptDueAt() {
        return instant(ACCEPT_DUE_AT);
    }

    public Instant contactDueAt() {
        return instant(CONTACT_DUE_AT);
    }

    /** Which deadline the reminder step that reads it is about. */
    public Reminder reminder() {
        return enumValue(Reminder.class, REMINDER).orElse(Reminder.ACCEPT);
    }

    // Following the lead up to a close.

    public void missedStatusUpdates(int missed) {
        set(MISSED_STATUS_UPDATES, missed);
    }

    public void chaseStatusUpdate(boolean chase) {
        set(CHASE_STATUS_UPDATE, chase);
    }

    /** What a status update left: whether the deal is closed, and then how (the lead's final status). */
    public void dealClosed(boolean closed, LeadStatus after) {
        set(DEAL_CLOSED, closed);
        set(OUTCOME, closed ? after.name() : null);
    }

    public void hasOpportunity(boolean has) {
        set(HAS_OPPORTUNITY, has);
    }

    // Answers from partner reps and channel managers.

    /** The offer's answer; empty when missing or not one of {@link OfferDecision}. */
    public Optional<OfferDecision> offerDecision() {
        return enumValue(OfferDecision.class, OFFER_DECISION);
    }

    public String declineReason() {
        return text(DECLINE_REASON);
    }

    /** The contact task's answer; empty when missing or not one of {@link ContactOutcome}. */
    public Optional<ContactOutcome> outcome() {
        return enumValue(ContactOutcome.class, OUTCOME);
    }

    public String note() {
        return text(NOTE);
    }

    /** Who completed the last task (set by the completion listener, never by the answer). */
    public String taskWorker() {
        return text(TASK_WORKER);
    }

    public void taskWorker(String username) {
        set(TASK_WORKER, username);
    }

    public String chaseNote() {
        return text(CHASE_NOTE);
    }

    /** The chase's checkbox: a form sends true or "true". */
    public boolean withdrawAfterChase() {
        Object value = scope.getVariable(WITHDRAW_AFTER_CHASE);
        return Boolean.TRUE.equals(value) || "true".equals(text(WITHDRAW_AFTER_CHASE));
    }

    public void withdrawAfterChase(boolean withdraw) {
        set(WITHDRAW_AFTER_CHASE, withdraw);
    }

    /** Why the lead is being withdrawn; empty when no reason was given (a channel manager's message). */
    public Optional<WithdrawalReason> withdrawalReason() {
        return enumValue(WithdrawalReason.class, WITHDRAWAL_REASON);
    }

    public String withdrawalNote() {
        return text(WITHDRAWAL_NOTE);
    }

    public String withdrawnBy() {
        return text(WITHDRAWN_BY);
    }

    /** A person withdraws the lead, saying why. */
    public void withdrawalRequested(WithdrawalReason reason, String by, String note) {
        set(WITHDRAWAL_REASON, reason.name());
        set(WITHDRAWN_BY, by);
        set(WITHDRAWAL_NOTE, note);
    }

    /** The partner a channel manager distributes the lead to; null when none was named. */
    public String assignedPartnerId() {
        return text(ASSIGNED_PARTNER_ID);
    }

    /** The channel manager's choice becomes the nomination of the next offer; the answer is emptied. */
    public void assignedManually(String partnerId) {
        nominate(partnerId, null, Method.MANUAL);
        set(ASSIGNED_PARTNER_ID, null);
    }

    /** The status a closing step (nurture, disqualification) gives the lead: its local input. */
    public LeadStatus finalStatus() {
        return enumValue(LeadStatus.class, FINAL_STATUS).orElseThrow(
                () -> new IllegalStateException("the step has no " + FINAL_STATUS + " input"));
    }

    private String text(String name) {
        return text(scope, name);
    }

    private int number(String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("the lead's process has no number " + name + " (" + value + ")");
    }

    private Instant instant(String name) {
        return scope.getVariable(name) instanceof Date date ? date.toInstant() : null;
    }

    private <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        String value = text(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

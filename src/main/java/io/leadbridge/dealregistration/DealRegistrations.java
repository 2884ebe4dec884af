package io.leadbridge.dealregistration;

import io.leadbridge.config.IsoDurations;
import io.leadbridge.config.LeadClock;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.LowerCaseSize;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registrations: a partner registers a deal, the dealRegistration process checks it and
 * decides, and an approved registration protects the partner on the account for its products
 * until its period ends or the deal goes without an update for too long.
 */
@Service
public class DealRegistrations {

    private static final Logger log = LoggerFactory.getLogger(DealRegistrations.class);

    /** Who decided when no person did. */
    static final String TABLE = "dealApproval table";

    private final DealRegistrationRepository registrations;
    private final DealConflicts conflicts;
    private final DealApprovalRules rules;
    private final DealMails mails;
    private final ProspectRepository prospects;
    private final PartnerRepository partners;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final LeadClock clock;
    /** The registration {@link #register} is starting the process of, on this thread. */
    private final ThreadLocal<Long> startingFromApi = new ThreadLocal<>();

    DealRegistrations(DealRegistrationRepository registrations, DealConflicts conflicts, DealApprovalRules rules,
            DealMails mails, ProspectRepository prospects, PartnerRepository partners, RuntimeService runtime,
            TaskService tasks, LeadClock clock) {
        this.registrations = registrations;
        this.conflicts = conflicts;
        this.rules = rules;
        this.mails = mails;
        this.prospects = prospects;
        this.partners = partners;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Stores account, contact and registration and runs the process up to its first wait: the
     * answer shows whether it was approved, rejected or sent to review. One transaction.
     */
    @Transactional
    public DealRegistration register(DealRegistrationRequest request, Caller caller) {
        Stored stored = store(request, caller, RequestFields.API);
        startingFromApi.set(stored.id());
        try {
            runtime.startProcessInstanceByKey(DealVariables.PROCESS_KEY, Long.toString(stored.id()),
                    stored.variables());
        } finally {
            startingFromApi.remove();
        }
        return get(stored.id());
    }

    /** True while {@link #register} starts the process of registration {@code businessKey}. */
    boolean startedByRegister(String businessKey) {
        Long id = startingFromApi.get();
        return id != null && Long.toString(id).equals(businessKey);
    }

    /**
     * Checks the registration as the API does (the partner is the caller's, never the request's),
     * stores account, contact and registration, and gives the process variables to start with.
     */
    Stored store(DealRegistrationRequest request, Caller caller, RequestFields fields) {
        if (!caller.isPartnerUser()) {
            throw ApiException.forbidden("deals are registered by a partner's reps or its CRM");
        }
        if (request.expectedCloseDate().isBefore(clock.now().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new InvalidInputException(fields.expectedCloseDate(), "must not lie in the past");
        }
        Partner partner = partners.findById(caller.partnerId())
                .orElseThrow(() -> ApiException.forbidden("your partner is not known"));
        if (!partner.isActive()) {
            throw ApiException.forbidden("your partner is not active");
        }
        var account = request.account();
        var contact = request.contact();
        String domain = account.domain().trim().toLowerCase(Locale.ROOT);
        domain = domain.startsWith("www.") ? domain.substring(4) : domain;
        long accountId = prospects.upsertAccount(account.name().trim(), domain, blankToNull(account.industry()),
                account.country(), null, null, null);
        long contactId = prospects.upsertContact(accountId, contact.firstName().trim(), contact.lastName().trim(),
                LowerCaseSize.Validator.stored(contact.email()), blankToNull(contact.phone()),
                blankToNull(contact.title()));
        List<String> products = request.distinctProducts();
        long id = registrations.insert(partner.id(), caller.username(), accountId, contactId, products,
                request.amount(), request.currency(), request.expectedCloseDate(), request.foundHow().trim(),
                clock.now());

        Map<String, Object> variables = new HashMap<>();
        variables.put(DealVariables.PARTNER_ID, partner.id());
        variables.put(DealVariables.PARTNER_NAME, partner.name());
        variables.put(DealVariables.ACCOUNT_NAME, account.name().trim());
        variables.put(DealVariables.PRODUCTS, String.join(", ", products));
        variables.put(DealVariables.AMOUNT, request.amount().doubleValue());
        log.info("deal registration {}: partner {} ({}) registered {} for account {}", id, partner.id(),
                caller.username(), products, domain);
        return new Stored(id, variables);
    }

    /** A stored registration and the variables its process starts with. */
    record Stored(long id, Map<String, Object> variables) {
    }

    /** How the caller names the request's fields: the API's JSON, or Tasklist's start form. */
    record RequestFields(String expectedCloseDate) {
        static final RequestFields API = new RequestFields("expectedCloseDate");
        static final RequestFields FORM = new RequestFields(DealStartForm.CLOSE_DATE);
    }

    /** The caller's partner's registrations, or every partner's for vendor users; newest first. */
    @Transactional(readOnly = true)
    public List<DealRegistration> list(Caller caller, DealStatus status, int limit) {
        return registrations.list(caller.isPartnerUser() ? caller.partnerId() : null, status, limit);
    }

    /** The account's registrations the caller may see: a partner user its own partner's, vendor users all. */
    @Transactional(readOnly = true)
    public List<DealRegistration> ofAccount(long accountId, Caller caller) {
        return registrations.ofAccount(accountId, caller.isPartnerUser() ? caller.partnerId() : null);
    }

    /** One registration; another partner's is not found, as if it did not exist. */
    @Transactional(readOnly = true)
    public DealRegistration visible(long id, Caller caller) {
        return registrations.find(id).filter(d -> caller.mayView(d.partnerId()))
                .orElseThrow(() -> ApiException.notFound("deal registration " + id + " does not exist"));
    }

    public DealRegistration get(long id) {
        return registrations.find(id)
                .orElseThrow(() -> new IllegalStateException("deal registration " + id + " does not exist"));
    }

    /** "Check for conflicts". */
    DealConflicts.Finding check(long id) {
        DealRegistration deal = get(id);
        DealConflicts.Finding finding = conflicts.check(deal, prospects.account(deal.accountId()));
        registrations.recordCheck(id, finding.conflict(), finding.detail());
        log.info("deal registration {}: conflict check found {}{}", id, finding.conflict(),
                finding.detail() == null ? "" : " (" + finding.detail() + ")");
        return finding;
    }

    /** "Decide on approval": the dealApproval table for the check's finding, the amount and the partner's tier. */
    DealApproval decide(long id, DealConflict conflict) {
        DealRegistration deal = get(id);
        String tier = partners.findById(deal.partnerId()).map(p -> p.tier().name()).orElse(null);
        DealApproval approval = rules.evaluate(conflict, deal.amount(), tier);
        if (approval.outcome() == DealApproval.Outcome.REVIEW) {
            registrations.toReview(id);
        }
        log.info("deal registration {}: the table says {}", id, approval.outcome());
        return approval;
    }

    /** Approves the registration: protected from now for the table's period; the partner is mailed. */
    Instant approve(long id, String by, String protectionPeriod) {
        Instant now = clock.now();
        Instant until = IsoDurations.after(now, protectionPeriod);
        if (!registrations.approve(id, by, now, until)) {
            throw new IllegalStateException("deal registration " + id + " was decided already");
        }
        DealRegistration deal = get(id);
        mails.approved(deal);
        log.info("deal registration {}: approved by {}; partner {} protected until {}", id, by, deal.partnerId(),
                until);
        return until;
    }

    /** Rejects the registration with the reason the partner is told. */
    void reject(long id, String by, String reason) {
        if (!registrations.reject(id, by, reason, clock.now())) {
            throw new IllegalStateException("deal registration " + id + " was decided already");
        }
        DealRegistration deal = get(id);
        mails.rejected(deal);
        log.info("deal registration {}: rejected by {}: {}", id, by, reason);
    }

    /** The protection period is over. */
    void expire(long id) {
        if (registrations.endProtection(id, DealStatus.EXPIRED, clock.now())) {
            log.info("deal registration {}: protection period over", id);
        }
    }

    /** No update came in time: flagged as stale, protection ends now, the partner is told. */
    void endForWantOfUpdates(long id, String staleAfter) {
        if (registrations.endProtection(id, DealStatus.STALE, clock.now())) {
            mails.protectionEndedForWantOfUpdates(get(id), staleAfter);
            log.info("deal registration {}: no update for {}; flagged stale, protection ended early", id, staleAfter);
        }
    }

    void remindReviewers(long id, Instant reviewDueAt) {
        mails.reviewReminder(get(id), reviewDueAt);
    }

    void escalate(long id, String reviewSla) {
        mails.reviewEscalated(get(id), reviewSla);
    }

    /**
     * The registering partner reports on its approved deal: checked as Tasklist's form is, then
     * handed to the process's "Report on the deal", whose completion records it (see
     * {@link #report}) and decides whether the deal goes on, was won or lost.
     */
    @Transactional
    public DealRegistration update(long id, DealUpdate update, Caller caller) {
        DealRegistration deal = visible(id, caller);
        if (!caller.isPartnerUser()) {
            throw ApiException.forbidden("status updates come from the partner that registered the deal");
        }
        if (deal.status() != DealStatus.APPROVED) {
            throw ApiException.conflict("deal registration " + id + " is " + deal.status()
                    + "; only an approved registration takes status updates");
        }
        DealUpdateRules.check(update, deal.pipeline().stage(), today(), DealUpdateRules.Fields.API);
        var process = runtime.createProcessInstanceQuery().processDefinitionKey(DealVariables.PROCESS_KEY)
                .processInstanceBusinessKey(Long.toString(id)).singleResult();
        Task task = process == null ? null : tasks.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(DealVariables.TASK_REPORT).singleResult();
        if (task != null) {
            tasks.setAssignee(task.getId(), caller.username());
            tasks.complete(task.getId(), update.toVariables());
        } else if (process != null && !update.closes() && runtime.createExecutionQuery()
                .processInstanceId(process.getId()).messageEventSubscriptionName(DealVariables.MESSAGE_DEAL_UPDATED)
                .count() > 0) {
            // An instance started before the deal pipeline waits for a message, and knows no stages or close.
            report(id, update, caller.username(), DealUpdateRules.Fields.API);
            runtime.createMessageCorrelation(DealVariables.MESSAGE_DEAL_UPDATED).processInstanceId(process.getId())
                    .setVariable(DealVariables.UPDATE_DUE_AT, Date.from(updateDueAt(
                            (String) runtime.getVariable(process.getId(), DealVariables.STALE_AFTER),
                            deal.protectedUntil())))
                    .correlate();
        } else {
            throw ApiException.conflict("deal registration " + id + " takes no report right now"
                    + (process == null ? "" : "; try again in a moment"));
        }
        return get(id);
    }

    /**
     * Records one report of the partner on its approved deal (the completion of "Report on the
     * deal"): a note, a new stage, amount or close date, or the close, which ends the protection.
     * Returns where the deal stands afterwards: APPROVED (still open), WON or LOST.
     */
    DealStatus report(long id, DealUpdate update, String actor, DealUpdateRules.Fields fields) {
        DealRegistration deal = get(id);
        if (deal.status() != DealStatus.APPROVED) {
            throw ApiException.conflict("deal registration " + id + " is " + deal.status()
                    + "; only an approved registration takes status updates");
        }
        DealUpdateRules.check(update, deal.pipeline().stage(), today(), fields);
        String note = describe(deal, update);
        boolean recorded = update.closes() ? registrations.close(id, update, note, clock.now())
                : registrations.recordProgress(id, update, note, clock.now());
        if (!recorded) {
            throw ApiException.conflict("deal registration " + id + " was closed meanwhile");
        }
        log.info("deal registration {}: {} reported by {}{}", id, update.action(), actor,
                update.closes() ? "; the protection of partner " + deal.partnerId() + " ends" : "");
        return get(id).status();
    }

    /** "Remind the partner to report": the next update is due soon. */
    void remindOfUpdate(long id, Instant updateDueAt) {
        DealRegistration deal = get(id);
        if (deal.status() == DealStatus.APPROVED) {
            mails.updateReminder(deal, updateDueAt);
            log.info("deal registration {}: partner {} reminded of the update due {}", id, deal.partnerId(),
                    updateDueAt);
        }
    }

    /**
     * The deadlines of the next report: due {@code staleAfter} from now (never after the protection),
     * reminded at half.
     */
    UpdateDeadlines updateDeadlines(String staleAfter, Instant protectedUntil) {
        Instant now = clock.now();
        Instant due = updateDueAt(staleAfter, protectedUntil);
        return new UpdateDeadlines(now.plus(Duration.between(now, due).dividedBy(2)), due);
    }

    record UpdateDeadlines(Instant reminderAt, Instant dueAt) {
    }

    private LocalDate today() {
        return clock.now().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The timeline's words for a report: the note, or what changed. */
    private static String describe(DealRegistration deal, DealUpdate update) {
        List<String> parts = new ArrayList<>();
        switch (update.action()) {
            case WON -> parts.add("won, final amount " + update.amount().toPlainString() + " " + deal.currency());
            case LOST -> parts.add("lost: " + update.lostReason());
            case UPDATE -> {
                if (update.stage() != null && update.stage() != deal.pipeline().stage()) {
                    parts.add("stage " + deal.pipeline().stage() + " → " + update.stage());
                }
                if (update.amount() != null && update.amount().compareTo(deal.amount()) != 0) {
                    parts.add("amount " + deal.amount().toPlainString() + " → " + update.amount().toPlainString()
                            + " " + deal.currency());
                }
                if (update.expectedCloseDate() != null
                        && !update.expectedCloseDate().equals(deal.expectedCloseDate())) {
                    parts.add("expected close " + deal.expectedCloseDate() + " → " + update.expectedCloseDate());
                }
            }
            default -> {
                // NOTE: the note says it all.
            }
        }
        if (update.note() != null) {
            parts.add(update.note());
        }
        String text = parts.isEmpty() ? "no change" : String.join("; ", parts);
        return text.length() > DealUpdateRules.MAX_NOTE ? text.substring(0, DealUpdateRules.MAX_NOTE) : text;
    }

    /** The next update is due {@code staleAfter} from now, but never after the protection ends. */
    Instant updateDueAt(String staleAfter, Instant protectedUntil) {
        Instant due = IsoDurations.after(clock.now(), staleAfter);
        return due.isAfter(protectedUntil) ? protectedUntil : due;
    }

    /** The review's deadlines: the table's SLA from now, the reminder at half of it. */
    ReviewDeadlines reviewDeadlines(String reviewSla) {
        Instant now = clock.now();
        Instant due = IsoDurations.after(now, reviewSla);
        return new ReviewDeadlines(now.plus(Duration.between(now, due).dividedBy(2)), due);
    }

    record ReviewDeadlines(Instant reminderAt, Instant dueAt) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

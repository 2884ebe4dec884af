package io.leadbridge.contactcheck;

import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A lead of the fixtures (mid-market, grade B: the slaPolicy table asks the customer 5 days after
 * acceptance, after a contact SLA of 3 days) accepted by a rep of a fresh partner, and the ways a
 * test reaches its customer contact check: the check, its process, and the link in the mail.
 */
final class ContactCheckScenario {

    static final Duration CUSTOMER_CHECK_AFTER = Duration.ofDays(5);
    static final Duration CONTACT_SLA = Duration.ofDays(3);
    private static final Pattern LINK = Pattern.compile("(/public/contact-check/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)\\?answer=yes");

    private final LeadFixtures fixtures;
    private final EngineDriver engine;
    private final LeadActions leadActions;
    private final ContactCheckRepository checks;
    private final NotificationRepository notifications;
    private final RuntimeService runtime;
    private final HistoryService history;

    String partner;
    String rep;
    long leadId;

    ContactCheckScenario(LeadFixtures fixtures, EngineDriver engine, LeadActions leadActions,
            ContactCheckRepository checks, NotificationRepository notifications, RuntimeService runtime,
            HistoryService history) {
        this.fixtures = fixtures;
        this.engine = engine;
        this.leadActions = leadActions;
        this.checks = checks;
        this.notifications = notifications;
        this.runtime = runtime;
        this.history = history;
    }

    /** A fresh partner and rep; the rep accepts a new lead. */
    ContactCheckScenario acceptedLead() {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = fixtures.rep(partner);
        leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        leadActions.acceptOffer(leadId, repCaller());
        engine.runDueJobs();
        return this;
    }

    /** The rep reports first contact as its CRM or Tasklist would. */
    void report(ContactOutcome outcome) {
        leadActions.reportContact(leadId, outcome, null, repCaller());
        engine.runDueJobs();
    }

    /** The rep reports the lead won at first contact, with its value. */
    void reportWon() {
        leadActions.reportProgress(leadId, new StatusUpdate(DealAction.WON, new BigDecimal("18000"), "USD", null,
                null, null, null, null), repCaller());
        engine.runDueJobs();
    }

    /** Accepted and contacted, and the check's time has come: the customer has the mail. */
    ContactCheckScenario customerAsked() {
        acceptedLead();
        report(ContactOutcome.CONTACTED);
        engine.passTime(CUSTOMER_CHECK_AFTER.plusMinutes(1));
        return this;
    }

    Caller repCaller() {
        return new Caller(rep, Set.of(VendorGroups.PARTNER_GROUP_PREFIX + partner));
    }

    /** The lead's one check. */
    ContactCheck check() {
        List<ContactCheck> all = checks.forLead(leadId);
        if (all.size() != 1) {
            throw new AssertionError("lead " + leadId + " has " + all.size() + " contact checks");
        }
        return all.get(0);
    }

    /** The check's process instance, also after it ended. */
    ProcessInstance process() {
        String checkId = check().id();
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkId)
                .processDefinitionKey(ContactCheckVariables.PROCESS_KEY).singleResult();
        if (running != null) {
            return running;
        }
        var ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(checkId)
                .processDefinitionKey(ContactCheckVariables.PROCESS_KEY).singleResult();
        ExecutionEntity instance = new ExecutionEntity();
        instance.setId(ended.getId());
        instance.setProcessInstanceId(ended.getId());
        instance.setProcessDefinitionId(ended.getProcessDefinitionId());
        instance.setBusinessKey(ended.getBusinessKey());
        return instance;
    }

    List<Notification> mails(NotificationKind kind) {
        return notifications.forLead(leadId).stream().filter(n -> n.kind() == kind).toList();
    }

    /** The path of the customer's page, as the link in the mail has it (without the answer). */
    String pagePath() {
        List<Notification> asked = mails(NotificationKind.CUSTOMER_CONTACT_CHECK);
        if (asked.size() != 1) {
            throw new AssertionError("lead " + leadId + " has " + asked.size() + " customer contact check mails");
        }
        Matcher link = LINK.matcher(asked.get(0).body());
        if (!link.find()) {
            throw new AssertionError("no answer link in " + asked.get(0).body());
        }
        return link.group(1);
    }

    String token() {
        String path = pagePath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

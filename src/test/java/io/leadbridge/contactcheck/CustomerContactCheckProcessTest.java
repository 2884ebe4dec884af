package io.leadbridge.contactcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.notification.NotificationStatus;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of processes/customer-contact-check.bpmn with the real delegates, the real slaPolicy
 * table (the customer is asked 5 days after acceptance) and the engine clock: yes, no (a strike
 * and the channel managers' mail), no answer, and the checks not needed (opted out, lead
 * withdrawn, lead closed). The customer answers with the token of the link in the mail.
 */
@LeadbridgeTest
class CustomerContactCheckProcessTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions leadActions;
    @Autowired ContactCheckRepository checks;
    @Autowired CustomerAnswers answers;
    @Autowired ContactCheckProperties properties;
    @Autowired LeadbridgeProperties leadbridge;
    @Autowired NotificationRepository notifications;
    @Autowired LeadEventLog events;
    @Autowired AccessProvisioning access;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    private ContactCheckScenario scenario;

    @BeforeEach
    void channelManagers() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        scenario = new ContactCheckScenario(fixtures, engine, leadActions, checks, notifications, runtime, history);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void asksTheCustomerOnceTheCheckIsDueAndRecordsAYes() {
        scenario.acceptedLead();
        Instant accepted = ClockUtil.getCurrentTime().toInstant();
        scenario.report(ContactOutcome.CONTACTED);

        ContactCheck scheduled = scenario.check();
        assertThat(scheduled.status()).isEqualTo(ContactCheckStatus.SCHEDULED);
        assertThat(scheduled.partnerId()).isEqualTo(scenario.partner);
        assertThat(scheduled.dueAt()).isCloseTo(accepted.plus(ContactCheckScenario.CUSTOMER_CHECK_AFTER),
                within(1, ChronoUnit.SECONDS));
        assertThat(scenario.process()).isWaitingAt("TimerEvent_CustomerCheckDue");

        engine.passTime(ContactCheckScenario.CUSTOMER_CHECK_AFTER.minusMinutes(1));
        assertThat(scenario.mails(NotificationKind.CUSTOMER_CONTACT_CHECK)).as("not before its time").isEmpty();

        engine.passTimeWithoutJobs(Duration.ofMinutes(2));
        management.executeJob(timer().getId());
        assertThat(scenario.process()).as("the mail goes out in a step of its own, retried on failure")
                .hasPassed("Task_DecideContactCheck").isWaitingAt("Task_SendContactCheck");
        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.SCHEDULED);

        engine.runDueJobs();
        Instant sent = ClockUtil.getCurrentTime().toInstant();
        ContactCheck asked = scenario.check();
        assertThat(asked.status()).isEqualTo(ContactCheckStatus.SENT);
        assertThat(asked.expiresAt()).isCloseTo(sent.plus(properties.answerWindow()), within(1, ChronoUnit.SECONDS));
        Notification mail = scenario.mails(NotificationKind.CUSTOMER_CONTACT_CHECK).get(0);
        assertThat(mail.recipient()).startsWith("pat.").endsWith("@prospect.example");
        assertThat(mail.status()).isEqualTo(NotificationStatus.STORED);
        assertThat(mail.subject()).isEqualTo("Has alpha Inc. contacted you about Cloud Platform?");
        assertThat(mail.body()).contains(leadbridge.publicBaseUrl() + scenario.pagePath() + "?answer=yes",
                leadbridge.publicBaseUrl() + scenario.pagePath() + "?answer=no",
                leadbridge.publicBaseUrl() + scenario.pagePath() + "/opt-out");
        ProcessInstance process = scenario.process();
        assertThat(process).hasPassed("Task_SendContactCheck").isWaitingAt("Task_AwaitCustomerAnswer");
        assertThat(timer().getDuedate().toInstant()).as("the answer window").isEqualTo(asked.expiresAt());

        assertThat(answers.answer(scenario.token(), CustomerAnswer.YES).state())
                .isEqualTo(CustomerAnswers.LinkState.DONE);
        engine.runDueJobs();

        ContactCheck confirmed = scenario.check();
        assertThat(confirmed.status()).isEqualTo(ContactCheckStatus.CONFIRMED);
        assertThat(confirmed.answer()).isEqualTo(CustomerAnswer.YES);
        assertThat(confirmed.answeredAt()).isNotNull();
        assertThat(process).hasPassed("Task_RecordCustomerAnswer", "EndEvent_ContactConfirmed")
                .hasNotPassed("Task_StrikePartner").isEnded();
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count())
                .as("the answer window's timer is gone").isZero();
        assertThat(customerCheckEvents()).extracting(LeadEvent::type, LeadEvent::actor, LeadEvent::partnerId)
                .containsExactly(tuple(LeadEventType.CUSTOMER_CHECK_SENT, LeadEvent.SYSTEM, scenario.partner),
                        tuple(LeadEventType.CUSTOMER_CONFIRMED_CONTACT, ContactChecks.CUSTOMER, scenario.partner));
        assertThat(strikes()).isEmpty();
    }

    @Test
    void aNoIsAStrikeAgainstThePartnerAndAMailToTheChannelManagers() {
        scenario.customerAsked();
        ProcessInstance process = scenario.process();

        answers.answer(scenario.token(), CustomerAnswer.NO);
        assertThat(strikes()).as("in the transaction of the answer").containsExactly("CUSTOMER_NOT_CONTACTED");
        assertThat(process).hasPassed("Task_RecordCustomerAnswer", "Task_StrikePartner")
                .isWaitingAt("Task_TellChannelManagers");

        engine.runDueJobs();

        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.DENIED);
        assertThat(scenario.check().answer()).isEqualTo(CustomerAnswer.NO);
        assertThat(process).hasPassed("Task_TellChannelManagers", "EndEvent_ContactDenied").isEnded();
        List<Notification> told = scenario.mails(NotificationKind.CUSTOMER_DENIED_CONTACT);
        assertThat(told).extracting(Notification::recipient).contains("carol@vendor.example")
                .doesNotContain(scenario.rep + "@partner.example", "alpha@partner.example");
        assertThat(told).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.STORED);
            assertThat(n.body()).contains("alpha Inc.", scenario.partner, "Lead id: " + scenario.leadId);
        });
        assertThat(customerCheckEvents()).extracting(LeadEvent::type)
                .containsExactly(LeadEventType.CUSTOMER_CHECK_SENT, LeadEventType.CUSTOMER_DENIED_CONTACT);
        assertThat(jdbc.sql("select partner_id from partner_strike where lead_id = :leadId")
                .param("leadId", scenario.leadId).query(String.class).list()).containsExactly(scenario.partner);
    }

    @Test
    void recordsACheckTheCustomerDoesNotAnswerAsUnanswered() {
        scenario.customerAsked();
        ProcessInstance process = scenario.process();

        engine.passTime(properties.answerWindow().minusMinutes(1));
        assertThat(process).isWaitingAt("Task_AwaitCustomerAnswer");

        engine.passTime(Duration.ofMinutes(2));

        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.UNANSWERED);
        assertThat(scenario.check().answer()).isNull();
        assertThat(process).hasPassed("BoundaryEvent_AnswerWindowOver", "Task_RecordNoAnswer",
                "EndEvent_CustomerDidNotAnswer").hasNotPassed("Task_RecordCustomerAnswer").isEnded();
        assertThat(customerCheckEvents()).extracting(LeadEvent::type)
                .containsExactly(LeadEventType.CUSTOMER_CHECK_SENT, LeadEventType.CUSTOMER_CHECK_UNANSWERED);
        assertThat(strikes()).isEmpty();
        assertThat(answers.answer(scenario.token(), CustomerAnswer.NO).state()).as("too late")
                .isEqualTo(CustomerAnswers.LinkState.EXPIRED);
        assertThat(strikes()).isEmpty();
    }

    @Test
    void doesNotAskAContactWhoOptedOut() {
        scenario.acceptedLead();
        scenario.report(ContactOutcome.CONTACTED);
        checks.optOut(scenario.check().contactId());

        engine.passTime(ContactCheckScenario.CUSTOMER_CHECK_AFTER.plusMinutes(1));

        assertNotNeeded(SkipReason.CONTACT_OPTED_OUT);
    }

    @Test
    void doesNotAskWhenTheLeadWasWithdrawnFromThePartner() {
        scenario.acceptedLead();

        engine.passTime(ContactCheckScenario.CONTACT_SLA.plusMinutes(1));
        assertThat(fixtures.lead(scenario.leadId).partnerId()).as("withdrawn: contact SLA missed")
                .isNotEqualTo(scenario.partner);
        engine.passTime(ContactCheckScenario.CUSTOMER_CHECK_AFTER.minus(ContactCheckScenario.CONTACT_SLA));

        assertNotNeeded(SkipReason.PARTNER_NO_LONGER_HOLDS_LEAD);
        assertThat(strikes()).as("only the missed contact SLA").containsExactly("CONTACT_SLA_MISSED");
    }

    @Test
    void doesNotAskWhenTheLeadIsClosed() {
        scenario.acceptedLead();
        scenario.reportWon();

        engine.passTime(ContactCheckScenario.CUSTOMER_CHECK_AFTER.plusMinutes(1));

        assertNotNeeded(SkipReason.LEAD_CLOSED);
    }

    private void assertNotNeeded(SkipReason reason) {
        ContactCheck check = scenario.check();
        assertThat(check.status()).isEqualTo(ContactCheckStatus.SKIPPED);
        assertThat(check.skipReason()).isEqualTo(reason);
        assertThat(check.sentAt()).isNull();
        assertThat(scenario.process()).hasPassed("Task_DecideContactCheck", "Task_RecordCheckNotNeeded",
                "EndEvent_CheckNotNeeded").hasNotPassed("Task_SendContactCheck").isEnded();
        assertThat(scenario.mails(NotificationKind.CUSTOMER_CONTACT_CHECK)).isEmpty();
        assertThat(customerCheckEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LeadEventType.CUSTOMER_CHECK_SKIPPED);
            assertThat(e.detail()).contains(reason.describe());
        });
    }

    private Job timer() {
        return management.createJobQuery().processInstanceId(scenario.process().getId()).timers().singleResult();
    }

    private List<LeadEvent> customerCheckEvents() {
        return events.timeline(scenario.leadId).stream().filter(e -> e.type().isCustomerCheck()).toList();
    }

    private List<String> strikes() {
        return jdbc.sql("select kind from partner_strike where lead_id = :leadId order by id")
                .param("leadId", scenario.leadId).query(String.class).list();
    }
}

package io.leadbridge.supportrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.lifecycle.TaskAnswerException;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.notification.NotificationStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/support-request.bpmn with the real delegates and the real slaPolicy
 * table: the fixtures' mid-market grade B lead gets a support SLA of 8 hours, so the channel
 * managers are reminded after 4 hours and the review goes to the channel directors after 8.
 */
@LeadbridgeTest
class SupportRequestProcessTest {

    private static final Duration SUPPORT_SLA = Duration.ofHours(8);

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions leadActions;
    @Autowired SupportRequests supportRequests;
    @Autowired LeadEventLog events;
    @Autowired NotificationRepository notifications;
    @Autowired AccessProvisioning access;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    private String rep;
    private long leadId;

    @BeforeEach
    void anAcceptedLead() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("dora", "Dora", "Director", "dora@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_DIRECTORS);
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = fixtures.rep(partner);
        leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        leadActions.acceptOffer(leadId, repCaller(partner));
        engine.runDueJobs();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void approvesWithTermsRecordsItOnTheLeadAndMailsTheRep() {
        Instant asked = ClockUtil.getCurrentTime().toInstant();
        SupportRequest request = ask(SupportKind.SPECIAL_PRICING, new BigDecimal("15"));

        Task review = openReview(request);
        assertThat(review.getName()).isEqualTo("Review support request");
        assertThat(review.getDueDate().toInstant()).isCloseTo(asked.plus(SUPPORT_SLA), within(1, ChronoUnit.SECONDS));
        assertThat(candidateGroups(review)).containsExactly(VendorGroups.CHANNEL_MANAGERS);
        assertThat(runtime.getVariable(review.getProcessInstanceId(), "discountPercent")).isEqualTo(15.0);
        assertThat(management.createJobQuery().processInstanceId(review.getProcessInstanceId()).timers().count())
                .as("reminder and escalation timers").isEqualTo(2);

        answer(review, "carol", Map.of("supportDecision", "APPROVE", "supportTerms", "15% on the first year"));
        engine.runDueJobs();

        SupportRequest answered = supportRequests.get(request.id());
        assertThat(answered.status()).isEqualTo(SupportStatus.APPROVED);
        assertThat(answered.terms()).isEqualTo("15% on the first year");
        assertThat(answered.reason()).isNull();
        assertThat(answered.answeredBy()).isEqualTo("carol");
        assertThat(answered.answeredAt()).isNotNull();
        assertThat(events.timeline(leadId)).extracting(LeadEvent::type)
                .contains(LeadEventType.SUPPORT_REQUESTED, LeadEventType.SUPPORT_APPROVED);
        assertThat(supportMails(NotificationKind.SUPPORT_ANSWERED))
                .extracting(Notification::recipient, Notification::status)
                .containsExactly(tuple(rep + "@partner.example", NotificationStatus.STORED));
        ProcessInstance process = process(request);
        assertThat(process).hasPassed("Task_RecordSupportAnswer", "Task_SendSupportAnswer", "EndEvent_RepAnswered")
                .isEnded();
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count())
                .as("the reminder and escalation timers are gone").isZero();
    }

    @Test
    void rejectsWithAReasonThatTheRepIsToldAndTheLeadShows() {
        SupportRequest request = ask(SupportKind.TECHNICAL_PRESALES, null);

        answer(openReview(request), "carol", Map.of("supportDecision", "REJECT",
                "supportReason", "no pre-sales engineers free this quarter"));
        engine.runDueJobs();

        SupportRequest answered = supportRequests.get(request.id());
        assertThat(answered.status()).isEqualTo(SupportStatus.REJECTED);
        assertThat(answered.reason()).isEqualTo("no pre-sales engineers free this quarter");
        assertThat(answered.terms()).isNull();
        assertThat(events.latest(leadId, LeadEventType.SUPPORT_REJECTED, answered.partnerId()))
                .hasValueSatisfying(e -> assertThat(e.detail()).contains("no pre-sales engineers free"));
        assertThat(supportMails(NotificationKind.SUPPORT_ANSWERED)).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("Reason: no pre-sales engineers free this quarter"));
        assertThat(process(request)).isEnded();
    }

    @Test
    void remindsTheChannelManagersOnceWhenHalfTheReviewTimeIsGone() {
        SupportRequest request = ask(SupportKind.SPECIAL_PRICING, new BigDecimal("10"));

        engine.passTime(SUPPORT_SLA.dividedBy(2).minusMinutes(1));
        assertThat(supportMails(NotificationKind.SUPPORT_REVIEW_REMINDER)).isEmpty();

        engine.passTime(Duration.ofMinutes(2));
        assertThat(supportMails(NotificationKind.SUPPORT_REVIEW_REMINDER))
                .extracting(Notification::recipient).contains("carol@vendor.example")
                .doesNotContain("dora@vendor.example");
        int reminders = supportMails(NotificationKind.SUPPORT_REVIEW_REMINDER).size();
        assertThat(process(request)).hasPassed("Task_RemindChannelManagers", "Task_SendSupportReminder",
                "EndEvent_ChannelManagersReminded").isWaitingAt("Task_ReviewSupportRequest");

        engine.passTime(Duration.ofHours(3));
        assertThat(supportMails(NotificationKind.SUPPORT_REVIEW_REMINDER)).as("once").hasSize(reminders);
        assertThat(candidateGroups(openReview(request))).containsExactly(VendorGroups.CHANNEL_MANAGERS);
    }

    @Test
    void handsTheReviewToTheChannelDirectorsWhenTheSlaIsOver() {
        SupportRequest request = ask(SupportKind.SPECIAL_PRICING, new BigDecimal("30"));

        engine.passTime(SUPPORT_SLA.plusMinutes(1));

        Task review = openReview(request);
        assertThat(candidateGroups(review))
                .containsExactlyInAnyOrder(VendorGroups.CHANNEL_MANAGERS, VendorGroups.CHANNEL_DIRECTORS);
        assertThat(tasks.createTaskQuery().taskCandidateUser("dora").processInstanceBusinessKey(request.id()).count())
                .as("in Dora's Tasklist").isEqualTo(1);
        assertThat(process(request)).hasPassed("Task_EscalateToChannelDirectors", "Task_SendSupportEscalation",
                "EndEvent_ReviewEscalated");
        assertThat(supportMails(NotificationKind.SUPPORT_REVIEW_ESCALATED))
                .extracting(Notification::recipient).containsExactly("dora@vendor.example");
        assertThat(supportMails(NotificationKind.SUPPORT_REVIEW_ESCALATED).get(0).status())
                .as("handed to the mail step (no mail server in tests)").isNotEqualTo(NotificationStatus.PENDING);

        answer(review, "dora", Map.of("supportDecision", "APPROVE", "supportTerms", "25%, signed by the director"));
        engine.runDueJobs();

        SupportRequest answered = supportRequests.get(request.id());
        assertThat(answered.status()).isEqualTo(SupportStatus.APPROVED);
        assertThat(answered.answeredBy()).isEqualTo("dora");
        assertThat(process(request)).isEnded();
    }

    @Test
    void refusesAnAnswerWithoutTermsOrReason() {
        SupportRequest request = ask(SupportKind.SPECIAL_PRICING, new BigDecimal("20"));
        Task review = openReview(request);
        tasks.setAssignee(review.getId(), "carol");

        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("supportDecision", "APPROVE")))
                .hasRootCauseInstanceOf(TaskAnswerException.class).hasMessageContaining("supportTerms");
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("supportDecision", "REJECT",
                "supportReason", " "))).hasRootCauseInstanceOf(TaskAnswerException.class).hasMessageContaining("supportReason");
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("supportTerms", "10%")))
                .hasRootCauseInstanceOf(TaskAnswerException.class).hasMessageContaining("supportDecision");

        assertThat(openReview(request)).as("still open").isNotNull();
        assertThat(supportRequests.get(request.id()).status()).isEqualTo(SupportStatus.OPEN);
        assertThat(events.count(leadId, LeadEventType.SUPPORT_APPROVED)).isZero();
    }

    private SupportRequest ask(SupportKind kind, BigDecimal discount) {
        String partner = fixtures.lead(leadId).partnerId();
        return supportRequests.request(leadId, new NewSupportRequest(kind, discount, "competitor offers 20% off"),
                repCaller(partner));
    }

    private Caller repCaller(String partner) {
        return new Caller(rep, Set.of(VendorGroups.PARTNER_GROUP_PREFIX + partner));
    }

    private Task openReview(SupportRequest request) {
        return tasks.createTaskQuery().processInstanceBusinessKey(request.id())
                .taskDefinitionKey("Task_ReviewSupportRequest").singleResult();
    }

    private void answer(Task review, String reviewer, Map<String, Object> answer) {
        tasks.setAssignee(review.getId(), reviewer);
        tasks.complete(review.getId(), new HashMap<>(answer));
    }

    private Set<String> candidateGroups(Task task) {
        return Set.copyOf(tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList());
    }

    private java.util.List<Notification> supportMails(NotificationKind kind) {
        return notifications.forLead(leadId).stream().filter(n -> n.kind() == kind).toList();
    }

    private ProcessInstance process(SupportRequest request) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.id())
                .singleResult();
        if (running != null) {
            return running;
        }
        var ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request.id()).singleResult();
        var instance = new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
        instance.setId(ended.getId());
        instance.setProcessInstanceId(ended.getId());
        instance.setProcessDefinitionId(ended.getProcessDefinitionId());
        instance.setBusinessKey(ended.getBusinessKey());
        return instance;
    }
}

package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
import io.leadbridge.web.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
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
 * Every path of processes/deal-registration.bpmn with the real delegates and the real dealApproval
 * table, the clock moved by the test: a gold partner's 100,000 deal is approved at once and
 * protected 90 days, unless 30 days pass without an update; a silver partner's is reviewed within
 * 3 days (reminder after 36 hours) and protected 60 days; conflicts are rejected or reviewed.
 */
@LeadbridgeTest
class DealRegistrationProcessTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired DealRegistrations registrations;
    @Autowired RegisteredProtection protection;
    @Autowired NotificationRepository notifications;
    @Autowired AccessProvisioning access;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    private String gold;
    private String goldRep;
    private String silver;
    private String silverRep;

    @BeforeEach
    void partners() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("dora", "Dora", "Director", "dora@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_DIRECTORS);
        gold = fixtures.partner("gold", PartnerTier.GOLD, "US");
        goldRep = fixtures.rep(gold);
        silver = fixtures.partner("silver", PartnerTier.SILVER, "DE");
        silverRep = fixtures.rep(silver);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void approvesAGoldPartnersDealAtOnceAndProtectsItUntilThePeriodEnds() {
        Instant registeredAt = ClockUtil.getCurrentTime().toInstant();
        DealRegistration deal = register(gold, goldRep, newDomain(), "Cloud Platform", "100000");
        engine.runDueJobs();

        assertThat(deal.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(deal.conflict()).isEqualTo(DealConflict.NONE);
        assertThat(deal.decidedBy()).isEqualTo(DealRegistrations.TABLE);
        assertThat(deal.decidedAt()).isCloseTo(registeredAt, within(1, ChronoUnit.MINUTES));
        assertThat(deal.protectedUntil()).isEqualTo(deal.decidedAt().plus(Duration.ofDays(90)));
        assertThat(protection.of(deal.accountId(), "Cloud Platform")).hasValueSatisfying(p -> {
            assertThat(p.partnerId()).isEqualTo(gold);
            assertThat(p.registrationId()).isEqualTo(deal.id());
        });
        assertThat(protection.of(deal.accountId(), "Security")).as("only for the registered products").isEmpty();
        assertThat(mails(gold, NotificationKind.DEAL_REGISTRATION_ANSWERED)).extracting(Notification::recipient)
                .as("the rep who registered and the partner manager")
                .containsExactlyInAnyOrder(goldRep + "@partner.example", "gold@partner.example");
        assertThat(mails(gold, NotificationKind.DEAL_REGISTRATION_ANSWERED)).allSatisfy(mail -> {
            assertThat(mail.subject()).startsWith("Approved");
            assertThat(mail.status()).isEqualTo(NotificationStatus.STORED);
        });
        assertThat(process(deal)).hasPassed("Task_CheckConflicts", "Task_DecideApproval", "Task_ApproveRegistration",
                "Task_SendApproval").isWaitingAt("Task_ReportOnDeal");

        // An update every 20 days keeps the deal fresh until the 90 days are over.
        for (int day = 20; day < 90; day += 20) {
            engine.passTime(Duration.ofDays(20));
            registrations.update(deal.id(), new DealUpdate("still negotiating"), DealRegistrationFixtures.rep(goldRep,
                    gold));
            assertThat(registrations.get(deal.id()).status()).as("day " + day).isEqualTo(DealStatus.APPROVED);
        }
        engine.passTime(Duration.ofDays(11));

        DealRegistration over = registrations.get(deal.id());
        assertThat(over.status()).isEqualTo(DealStatus.EXPIRED);
        assertThat(over.stale()).isFalse();
        assertThat(protection.of(deal.accountId(), "Cloud Platform")).isEmpty();
        assertThat(process(deal)).hasPassed("Task_EndProtection", "EndEvent_ProtectionExpired").isEnded();
        assertThat(management.createJobQuery().processInstanceId(process(deal).getId()).count())
                .as("no timer left").isZero();
    }

    @Test
    void flagsADealWithoutUpdatesAndEndsItsProtectionEarly() {
        DealRegistration deal = register(gold, goldRep, newDomain(), "Cloud Platform", "100000");
        engine.runDueJobs();

        engine.passTime(Duration.ofDays(29));
        assertThat(registrations.get(deal.id()).status()).isEqualTo(DealStatus.APPROVED);
        engine.passTime(Duration.ofDays(1).plusMinutes(1));

        DealRegistration stale = registrations.get(deal.id());
        assertThat(stale.status()).isEqualTo(DealStatus.STALE);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.protectedUntil()).isBefore(deal.protectedUntil());
        assertThat(protection.of(deal.accountId(), "Cloud Platform")).isEmpty();
        assertThat(mails(gold, NotificationKind.DEAL_PROTECTION_ENDED)).isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.body()).contains("no status update for P30D"));
        assertThat(process(deal)).hasPassed("Task_FlagStaleDeal", "Task_SendStaleNotice",
                "EndEvent_ProtectionEndedEarly").isEnded();
    }

    @Test
    void rejectsARegistrationOfAnAccountAnotherPartnerIsProtectedOnAndTellsThePartnerWhy() {
        String domain = newDomain();
        register(gold, goldRep, domain, "Cloud Platform", "100000");

        DealRegistration late = register(silver, silverRep, domain, "Cloud Platform", "10000");
        engine.runDueJobs();

        assertThat(late.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(late.conflict()).isEqualTo(DealConflict.PROTECTED_FOR_ANOTHER_PARTNER);
        assertThat(late.reason()).contains("Another partner is already protected");
        assertThat(mails(silver, NotificationKind.DEAL_REGISTRATION_ANSWERED)).extracting(Notification::recipient)
                .contains(silverRep + "@partner.example");
        assertThat(mails(silver, NotificationKind.DEAL_REGISTRATION_ANSWERED)).allSatisfy(mail -> {
            assertThat(mail.body()).contains("Reason: Another partner is already protected");
            assertThat(mail.body()).doesNotContain(gold);
        });
        assertThat(process(late)).hasPassed("Task_RejectRegistration", "Task_SendRejection",
                "EndEvent_RegistrationRejected").isEnded();
        assertThat(protection.of(late.accountId(), "Cloud Platform")).hasValueSatisfying(
                p -> assertThat(p.partnerId()).isEqualTo(gold));
    }

    @Test
    void rejectsARegistrationOfAnotherPartnersNamedAccount() {
        DealRegistration deal = register(gold, goldRep, "globex.com", "Cloud Platform", "10000");

        assertThat(deal.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(deal.conflict()).isEqualTo(DealConflict.PROTECTED_FOR_ANOTHER_PARTNER);
        assertThat(deal.conflictDetail()).isEqualTo("named account of another partner");
    }

    @Test
    void rejectsTheSamePartnersSecondRegistrationAsADuplicate() {
        String domain = newDomain();
        register(gold, goldRep, domain, "Cloud Platform", "100000");

        DealRegistration again = register(gold, goldRep, domain, "Cloud Platform", "120000");

        assertThat(again.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(again.conflict()).isEqualTo(DealConflict.DUPLICATE);
        assertThat(again.reason()).contains("already registered this deal");
    }

    @Test
    void sendsASilverPartnersDealToReviewRemindsAtHalfTimeAndEscalatesToTheDirectors() {
        Instant registeredAt = ClockUtil.getCurrentTime().toInstant();
        DealRegistration deal = register(silver, silverRep, newDomain(), "Security", "100000");

        assertThat(deal.status()).isEqualTo(DealStatus.IN_REVIEW);
        Task review = openReview(deal);
        assertThat(review.getName()).isEqualTo("Review deal registration");
        assertThat(review.getDueDate().toInstant()).isCloseTo(registeredAt.plus(Duration.ofDays(3)),
                within(1, ChronoUnit.MINUTES));
        assertThat(candidateGroups(review)).containsExactly(VendorGroups.CHANNEL_MANAGERS);
        assertThat(runtime.getVariable(review.getProcessInstanceId(), "conflict")).isEqualTo("NONE");

        engine.passTime(Duration.ofHours(35));
        assertThat(mails(silver, NotificationKind.DEAL_REVIEW_REMINDER)).isEmpty();
        engine.passTime(Duration.ofHours(2));
        assertThat(mails(silver, NotificationKind.DEAL_REVIEW_REMINDER)).extracting(Notification::recipient)
                .contains("carol@vendor.example").doesNotContain("dora@vendor.example");
        assertThat(candidateGroups(openReview(deal))).containsExactly(VendorGroups.CHANNEL_MANAGERS);

        engine.passTime(Duration.ofHours(36));
        assertThat(candidateGroups(openReview(deal)))
                .containsExactlyInAnyOrder(VendorGroups.CHANNEL_MANAGERS, VendorGroups.CHANNEL_DIRECTORS);
        assertThat(mails(silver, NotificationKind.DEAL_REVIEW_ESCALATED)).extracting(Notification::recipient)
                .containsExactly("dora@vendor.example");
        assertThat(process(deal)).hasPassed("Task_RemindChannelManagers", "Task_SendReviewReminder",
                "Task_EscalateToChannelDirectors", "Task_TellChannelDirectors", "EndEvent_ReviewEscalated")
                .isWaitingAt("Task_ReviewDealRegistration");

        answer(openReview(deal), "dora", Map.of("reviewDecision", "APPROVE"));
        engine.runDueJobs();

        DealRegistration approved = registrations.get(deal.id());
        assertThat(approved.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("dora");
        assertThat(approved.protectedUntil()).as("the table's 60 days from the approval")
                .isEqualTo(approved.decidedAt().plus(Duration.ofDays(60)));
        assertThat(process(deal)).isWaitingAt("Task_ReportOnDeal");
    }

    @Test
    void reviewsARegistrationThatCompetesWithAnotherPartnersOpenLeadAndTellsTheRejectedPartnerWhy() {
        var lead = fixtures.partnerLead("US");
        long leadId = fixtures.submit(lead);
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(gold);

        DealRegistration deal = register(silver, silverRep, lead.account().domain(), lead.product(), "10000");

        assertThat(deal.status()).isEqualTo(DealStatus.IN_REVIEW);
        assertThat(deal.conflict()).isEqualTo(DealConflict.OPEN_LEAD_OF_ANOTHER_PARTNER);
        assertThat(deal.conflictDetail()).isEqualTo("open lead " + leadId + " of another partner");
        answer(openReview(deal), "carol", Map.of("reviewDecision", "REJECT",
                "reviewReason", "the vendor's own lead is being worked by another partner"));
        engine.runDueJobs();

        DealRegistration rejected = registrations.get(deal.id());
        assertThat(rejected.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(rejected.decidedBy()).isEqualTo("carol");
        assertThat(rejected.reason()).isEqualTo("the vendor's own lead is being worked by another partner");
        assertThat(mails(silver, NotificationKind.DEAL_REGISTRATION_ANSWERED)).isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.body()).contains("Reason: the vendor's own lead"));
        assertThat(process(deal)).hasPassed("Task_ReviewDealRegistration", "Task_RejectRegistration").isEnded();
        assertThat(management.createJobQuery().processInstanceId(process(deal).getId()).count())
                .as("the review's timers are gone").isZero();
    }

    @Test
    void refusesARejectionWithoutAReasonAndAnAnswerWithoutADecision() {
        DealRegistration deal = register(silver, silverRep, newDomain(), "Security", "100000");
        Task review = openReview(deal);
        tasks.setAssignee(review.getId(), "carol");

        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT",
                "reviewReason", " "))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reviewReason");
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewReason", "no")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("reviewDecision");

        assertThat(openReview(deal)).as("still open").isNotNull();
        assertThat(registrations.get(deal.id()).status()).isEqualTo(DealStatus.IN_REVIEW);
    }

    private DealRegistration register(String partner, String rep, String domain, String product, String amount) {
        return registrations.register(request(domain, product, amount), DealRegistrationFixtures.rep(rep, partner));
    }

    private List<Notification> mails(String partner, NotificationKind kind) {
        return notifications.findByLeadIdIsNullAndPartnerIdOrderById(partner).stream()
                .filter(n -> n.kind() == kind).toList();
    }

    private Task openReview(DealRegistration deal) {
        return tasks.createTaskQuery().processDefinitionKey(DealVariables.PROCESS_KEY)
                .processInstanceBusinessKey(Long.toString(deal.id())).taskDefinitionKey(DealVariables.TASK_REVIEW)
                .singleResult();
    }

    private void answer(Task review, String reviewer, Map<String, Object> answer) {
        tasks.setAssignee(review.getId(), reviewer);
        tasks.complete(review.getId(), new HashMap<>(answer));
    }

    private Set<String> candidateGroups(Task task) {
        return Set.copyOf(tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList());
    }

    private ProcessInstance process(DealRegistration deal) {
        String key = Long.toString(deal.id());
        ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(DealVariables.PROCESS_KEY)
                .processInstanceBusinessKey(key).singleResult();
        if (running != null) {
            return running;
        }
        var ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(DealVariables.PROCESS_KEY)
                .processInstanceBusinessKey(key).singleResult();
        var instance = new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
        instance.setId(ended.getId());
        instance.setProcessInstanceId(ended.getId());
        instance.setProcessDefinitionId(ended.getProcessDefinitionId());
        instance.setBusinessKey(ended.getBusinessKey());
        return instance;
    }
}

package io.leadbridge.standing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.leadbridge.config.LeadClock;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.notification.NotificationStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.Standing;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of processes/partner-standing.bpmn with the real delegates and the real
 * partnerStanding table: strikes recorded through {@link PartnerStrikes}, and at the end through
 * the lead process itself. Per the table: 2 strikes in 30 days warn, 5 suspend with a probation of
 * 14 days, 15 in 90 days suspend until a channel manager reinstates.
 */
@LeadbridgeTest
class PartnerStandingProcessTest {

    private static final Duration PROBATION = Duration.ofDays(14);
    /** The accept SLA of the fixtures' mid-market grade B lead. */
    private static final Duration ACCEPT_SLA = Duration.ofDays(1);
    private static final Duration CONTACT_SLA = Duration.ofDays(3);

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerStrikes strikes;
    @Autowired PartnerStandings standings;
    @Autowired PartnerStandingRepository standingRecords;
    @Autowired PartnerStrikeLog strikeLog;
    @Autowired NotificationRepository notifications;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired AccessProvisioning access;
    @Autowired LeadActions leadActions;
    @Autowired JdbcClient jdbc;
    @Autowired LeadClock clock;
    @Autowired PlatformTransactionManager transactions;

    private String partner;

    @BeforeEach
    void onlyThisTestsPartners() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aFirstStrikeLeavesThePartnerInGoodStanding() {
        ProcessInstance process = strike(partner);

        assertThat(process).hasPassed("Task_DetermineStanding", "EndEvent_StandingUnchanged").isEnded();
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.GOOD);
        assertThat(standingRecords.find(partner)).as("a partner in good standing needs no row").isEmpty();
        assertThat(standingRecords.history(partner)).isEmpty();
        assertThat(notifications.forPartner(partner)).isEmpty();
    }

    @Test
    void aSecondStrikeWithinAMonthWarnsThePartnerAndMailsItsManagerEachTime() {
        strike(partner);

        ProcessInstance second = strike(partner);

        assertThat(second).hasPassed("Task_DetermineStanding", "Task_RecordWarning", "Task_SendWarning",
                "EndEvent_PartnerWarned").isEnded();
        PartnerStanding warned = standings.current(partner);
        assertThat(warned.standing()).isEqualTo(Standing.WARNED);
        assertThat(warned.warnings()).isEqualTo(1);
        assertThat(standingRecords.history(partner)).extracting(StandingChange::standing, StandingChange::actor)
                .containsExactly(tuple(Standing.WARNED, "system"));
        assertThat(standingRecords.history(partner).get(0).note()).startsWith("warning 1: 2 strike(s) in 30 days");
        assertThat(notifications.forPartner(partner))
                .extracting(Notification::kind, Notification::recipient, Notification::status)
                .containsExactly(tuple(NotificationKind.PARTNER_WARNED, "alpha@partner.example", NotificationStatus.STORED));

        assertThat(strike(partner)).as("warned again").hasPassed("Task_RecordWarning").isEnded();
        assertThat(standings.current(partner).warnings()).isEqualTo(2);
        assertThat(notifications.forPartner(partner)).hasSize(2).allMatch(n -> n.kind() == NotificationKind.PARTNER_WARNED);
    }

    @Test
    void aPartnerThatDeclinesMostOffersIsWarnedAtItsFirstStrike() {
        String rep = fixtures.rep(partner);
        for (int i = 0; i < 4; i++) {
            long leadId = received(fixtures.partnerLead("US"));
            leadActions.declineOffer(leadId, "not our market", new Caller(rep, Set.of("partner-" + partner)));
            engine.runDueJobs();
        }
        received(fixtures.partnerLead("US"));

        engine.passTime(ACCEPT_SLA.plusMinutes(1));

        assertThat(onlyStandingProcess(partner)).hasPassed("Task_RecordWarning").isEnded();
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.WARNED);
        assertThat(standingRecords.history(partner).get(0).note())
                .isEqualTo("warning 1: 1 strike(s) in 30 days, 1 in 90 days, 0% of offers accepted");
    }

    @Test
    void aWarnedPartnerWhoseStrikesAgeOutIsInGoodStandingAgainAtItsNextStrike() {
        strike(partner);
        strike(partner);
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.WARNED);

        engine.passTime(Duration.ofDays(31));
        ProcessInstance later = strike(partner);

        assertThat(later).hasPassed("Task_LiftWarning", "EndEvent_WarningLifted").isEnded();
        PartnerStanding good = standings.current(partner);
        assertThat(good.standing()).isEqualTo(Standing.GOOD);
        assertThat(good.warnings()).as("the warning stays counted").isEqualTo(1);
        assertThat(standingRecords.history(partner).get(0).note()).contains("1 strike(s) in 30 days, 3 in 90 days");
    }

    @Test
    void fiveStrikesInAMonthSuspendThePartnerAndAChannelManagerReinstatesIt() {
        ProcessInstance suspension = suspend(partner);

        assertThat(suspension).hasPassed("Task_RecordSuspension", "Task_SendSuspensionNotifications")
                .isWaitingAt("Task_ReviewSuspendedPartnerOnProbation");
        Task review = review(partner);
        assertThat(review).hasCandidateGroup(VendorGroups.CHANNEL_MANAGERS).isNotAssigned();
        assertThat(review.getName()).isEqualTo("Review suspended partner: alpha Inc.");
        assertThat(review.getDescription()).isEqualTo("Partner " + partner + ", 5 strike(s) in 30 days, 5 in 90 days");
        assertThat(tasks.getVariables(review.getId())).containsEntry("partnerName", "alpha Inc.")
                .containsEntry("strikes30", 5).containsEntry("strikes90", 5);
        PartnerStanding suspended = standings.current(partner);
        assertThat(suspended.standing()).isEqualTo(Standing.SUSPENDED);
        assertThat(suspended.suspensions()).isEqualTo(1);
        assertThat(suspended.warnings()).isEqualTo(3);
        assertThat(jdbc.sql("select standing from partner_standing where partner_id = :id").param("id", partner)
                .query(String.class).single()).as("what the router reads").isEqualTo("SUSPENDED");
        assertThat(notifications.forPartner(partner)).filteredOn(n -> n.kind() == NotificationKind.PARTNER_SUSPENDED)
                .as("the partner manager and every channel manager")
                .allMatch(n -> n.status() == NotificationStatus.STORED)
                .extracting(Notification::recipient)
                .containsExactlyInAnyOrderElementsOf(suspensionRecipients());

        tasks.claim(review.getId(), "carol");
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewDecision", "REINSTATE")))
                .hasMessageContaining("reviewNote");
        assertThat(suspension).isWaitingAt("Task_ReviewSuspendedPartnerOnProbation");

        tasks.complete(review.getId(), Map.of("reviewDecision", "REINSTATE", "reviewNote", "new rep hired"));
        engine.runDueJobs();

        assertThat(suspension).hasPassed("Task_ReinstatePartner", "Task_SendReinstatementNotifications",
                "EndEvent_PartnerReinstated").hasNotPassed("Task_EndProbation").isEnded();
        assertThat(management.createJobQuery().processInstanceId(suspension.getId()).count())
                .as("the probation timer is gone").isZero();
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.GOOD);
        assertThat(standingRecords.history(partner).get(0))
                .extracting(StandingChange::standing, StandingChange::actor, StandingChange::note)
                .containsExactly(Standing.GOOD, "carol", "new rep hired");
        assertThat(notifications.forPartner(partner)).filteredOn(n -> n.kind() == NotificationKind.PARTNER_REINSTATED)
                .extracting(Notification::recipient, Notification::status)
                .containsExactly(tuple("alpha@partner.example", NotificationStatus.STORED));
    }

    @Test
    void aChannelManagerMayKeepThePartnerSuspendedAndTheNextSuspensionHasNoProbation() {
        ProcessInstance suspension = suspend(partner);
        Task review = review(partner);
        tasks.claim(review.getId(), "carol");

        tasks.complete(review.getId(), Map.of("reviewDecision", "KEEP_SUSPENDED", "reviewNote", "no improvement"));

        assertThat(suspension).hasPassed("Task_RecordKeptSuspension", "EndEvent_PartnerKeptSuspended")
                .hasNotPassed("Task_ReinstatePartner").isEnded();
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.SUSPENDED);
        assertThat(standingRecords.history(partner).get(0))
                .extracting(StandingChange::standing, StandingChange::actor, StandingChange::note)
                .containsExactly(Standing.SUSPENDED, "carol", "kept suspended: no improvement");

        ProcessInstance again = strike(partner);

        assertThat(again).as("a new strike while kept suspended asks for a new review, with no probation")
                .hasPassed("Task_RecordSuspension").isWaitingAt("Task_ReviewSuspendedPartner");
        assertThat(management.createJobQuery().processInstanceId(again.getId()).timers().count()).isZero();
        assertThat(standings.current(partner).suspensions()).as("still the same suspension").isEqualTo(1);
    }

    @Test
    void theSuspensionEndsByItselfWhenTheProbationIsOver() {
        ProcessInstance suspension = suspend(partner);
        Instant suspendedAt = standings.current(partner).since();
        Job timer = management.createJobQuery().processInstanceId(suspension.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(suspendedAt.plus(PROBATION));

        engine.passTime(PROBATION.minusHours(1));
        assertThat(suspension).isWaitingAt("Task_ReviewSuspendedPartnerOnProbation");
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.SUSPENDED);

        engine.passTime(Duration.ofHours(1).plusMinutes(1));

        assertThat(suspension).hasPassed("BoundaryEvent_ProbationOver", "Task_EndProbation",
                "Task_SendReinstatementNotifications").isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(suspension.getId()).count()).isZero();
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.GOOD);
        assertThat(standingRecords.history(partner).get(0))
                .extracting(StandingChange::standing, StandingChange::actor, StandingChange::note)
                .containsExactly(Standing.GOOD, "system", "probation over");
        assertThat(notifications.forPartner(partner)).anyMatch(n -> n.kind() == NotificationKind.PARTNER_REINSTATED);
    }

    @Test
    void aRepeatOffenderStaysSuspendedUntilAChannelManagerReinstatesIt() {
        Instant longAgo = clock.now().minus(Duration.ofDays(40));
        for (int i = 0; i < 14; i++) {
            jdbc.sql("insert into partner_strike (partner_id, kind, occurred_at) values (:p, 'ACCEPT_SLA_MISSED', :at)")
                    .param("p", partner).param("at", Timestamp.from(longAgo)).update();
        }

        ProcessInstance suspension = strike(partner);

        assertThat(suspension).hasPassed("Task_RecordSuspension").isWaitingAt("Task_ReviewSuspendedPartner");
        assertThat(management.createJobQuery().processInstanceId(suspension.getId()).timers().count())
                .as("no probation timer").isZero();
        assertThat(standingRecords.history(partner).get(0).note())
                .isEqualTo("1 strike(s) in 30 days, 15 in 90 days; until a channel manager reinstates it");
    }

    @Test
    void aStrikeWhileTheSuspensionIsUnderReviewOpensNoSecondReview() {
        suspend(partner);

        ProcessInstance sixth = strike(partner);

        assertThat(sixth).hasPassed("EndEvent_AlreadyUnderReview").hasNotPassed("Task_RecordSuspension").isEnded();
        assertThat(tasks.createTaskQuery().processDefinitionKey("partnerStanding").processInstanceBusinessKey(partner)
                .count()).isEqualTo(1);
        assertThat(standings.current(partner).suspensions()).isEqualTo(1);
        assertThat(notifications.forPartner(partner)).filteredOn(n -> n.kind() == NotificationKind.PARTNER_SUSPENDED)
                .as("no second suspension mail").hasSameSizeAs(suspensionRecipients());
    }

    @Test
    void strikesRecordedBeforeTheWaitingCheckRunsAreJudgedByItOnceWithOneWarning() {
        strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "first offer run out");
        strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "second offer run out");
        strikes.record(partner, null, StrikeKind.CONTACT_SLA_MISSED, "third lead not contacted");

        ProcessInstance check = onlyStandingProcess(partner);
        assertThat(check).isWaitingAt("Task_DetermineStanding").variables()
                .containsEntry("strikeKind", "ACCEPT_SLA_MISSED");
        engine.runDueJobs();

        assertThat(check).hasPassed("Task_DetermineStanding", "Task_RecordWarning", "Task_SendWarning").isEnded();
        assertThat(judged(check)).containsEntry("strikesJudged", 3).containsEntry("strikes30", 3);
        assertThat(standings.current(partner).warnings()).as("one warning for the burst").isEqualTo(1);
        assertThat(notifications.forPartner(partner)).extracting(Notification::kind)
                .containsExactly(NotificationKind.PARTNER_WARNED);
        assertThat(jdbc.sql("select count(*) from standing_check_due where partner_id = :p").param("p", partner)
                .query(Integer.class).single()).as("no check left waiting").isZero();

        ProcessInstance next = strike(partner);
        assertThat(next).as("a strike after the check ran starts the next one").isNotEqualTo(check)
                .hasPassed("Task_RecordWarning").isEnded();
        assertThat(judged(next)).containsEntry("strikesJudged", 1).containsEntry("strikes30", 4);
    }

    @Test
    void strikesOfOneTransactionAgainstTwoPartnersStartOneCheckEach() {
        String beta = fixtures.partner("beta", PartnerTier.GOLD, "US");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "open competition run out");
            strikes.record(beta, null, StrikeKind.ACCEPT_SLA_MISSED, "open competition run out");
            strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "another one");
            assertThat(standingProcessIds(partner)).as("started just before the commit, not before").isEmpty();
        });
        engine.runDueJobs();

        assertThat(judged(onlyStandingProcess(partner))).containsEntry("strikesJudged", 2).containsEntry("strikes30", 2);
        assertThat(judged(onlyStandingProcess(beta))).containsEntry("strikesJudged", 1).containsEntry("strikes30", 1);
    }

    @Test
    void aStrikeWhoseTransactionRollsBackStartsNoCheck() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "rolled back");
            status.setRollbackOnly();
        });

        assertThat(standingProcessIds(partner)).isEmpty();
        assertThat(strikeLog.since(partner, Instant.EPOCH)).isEmpty();
        assertThat(strike(partner)).as("the next strike is judged as the first").hasPassed("EndEvent_StandingUnchanged");
    }

    @Test
    void aMissedContactSlaIsAStrikeAboutItsLead() {
        String rep = fixtures.rep(partner);
        long leadId = received(fixtures.partnerLead("US"));
        leadActions.acceptOffer(leadId, new Caller(rep, Set.of("partner-" + partner)));

        engine.passTime(CONTACT_SLA.plusMinutes(1));

        assertThat(strikeLog.since(partner, Instant.EPOCH)).extracting(Strike::kind, Strike::leadId)
                .containsExactly(tuple(StrikeKind.CONTACT_SLA_MISSED, leadId));
        assertThat(onlyStandingProcess(partner)).hasPassed("EndEvent_StandingUnchanged").isEnded();
    }

    @Test
    void aPartnerThatKeepsMissingTheAcceptSlaIsSuspendedAndGetsNoNewOffers() {
        List<Long> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(received(fixtures.partnerLead("US")));
        }
        assertThat(missed).allMatch(id -> partner.equals(fixtures.lead(id).partnerId()));

        engine.passTime(ACCEPT_SLA.plusMinutes(1));

        assertThat(strikeLog.since(partner, Instant.EPOCH)).extracting(Strike::kind)
                .containsOnly(StrikeKind.ACCEPT_SLA_MISSED).hasSize(5);
        assertThat(strikeLog.since(partner, Instant.EPOCH)).extracting(Strike::leadId)
                .containsExactlyInAnyOrderElementsOf(missed);
        assertThat(standings.current(partner).standing()).isEqualTo(Standing.SUSPENDED);
        assertThat(review(partner)).hasCandidateGroup(VendorGroups.CHANNEL_MANAGERS);

        long next = received(fixtures.partnerLead("US"));

        assertThat(fixtures.lead(next).partnerId()).as("a suspended partner gets no new offer").isNull();
        assertThat(fixtures.lead(next).status()).isEqualTo(LeadStatus.UNASSIGNED);
        assertThat(jdbc.sql("select count(*) from lead_offer where partner_id = :p").param("p", partner)
                .query(Integer.class).single()).isEqualTo(5);
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Records a strike, runs the standing process it starts, and returns that process. */
    private ProcessInstance strike(String partnerId) {
        Set<String> before = standingProcessIds(partnerId);
        strikes.record(partnerId, null, StrikeKind.ACCEPT_SLA_MISSED, "not accepted within the accept SLA");
        Set<String> started = standingProcessIds(partnerId);
        started.removeAll(before);
        assertThat(started).hasSize(1);
        engine.runDueJobs();
        return processById(started.iterator().next());
    }

    /** Five strikes in a row: good, warned three times, then suspended with a probation. */
    private ProcessInstance suspend(String partnerId) {
        ProcessInstance last = null;
        for (int i = 0; i < 5; i++) {
            last = strike(partnerId);
        }
        return last;
    }

    /** The partner manager, and every channel manager with an e-mail (carol, and admin@localhost). */
    private List<String> suspensionRecipients() {
        List<String> recipients = new ArrayList<>(List.of("alpha@partner.example"));
        engine.engine().getIdentityService().createUserQuery().memberOfGroup(VendorGroups.CHANNEL_MANAGERS).list()
                .stream().map(u -> u.getEmail()).filter(e -> e != null && !e.isBlank()).forEach(recipients::add);
        assertThat(recipients).contains("carol@vendor.example");
        return recipients;
    }

    private Task review(String partnerId) {
        return tasks.createTaskQuery().processDefinitionKey("partnerStanding").processInstanceBusinessKey(partnerId)
                .singleResult();
    }

    private long received(LeadSubmission submission) {
        long leadId = fixtures.submit(submission);
        engine.runDueJobs();
        return leadId;
    }

    /** The variables a check ended with. */
    private Map<String, Object> judged(ProcessInstance check) {
        Map<String, Object> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(check.getId()).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        return variables;
    }

    private Set<String> standingProcessIds(String partnerId) {
        Set<String> ids = new HashSet<>();
        history.createHistoricProcessInstanceQuery().processDefinitionKey("partnerStanding")
                .processInstanceBusinessKey(partnerId).list().forEach(p -> ids.add(p.getId()));
        return ids;
    }

    private ProcessInstance onlyStandingProcess(String partnerId) {
        Set<String> ids = standingProcessIds(partnerId);
        assertThat(ids).hasSize(1);
        return processById(ids.iterator().next());
    }

    /** The process by id, also after it ended (for assertions such as isEnded()). */
    private ProcessInstance processById(String id) {
        HistoricProcessInstance historic = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        ExecutionEntity instance = new ExecutionEntity();
        instance.setId(historic.getId());
        instance.setProcessInstanceId(historic.getId());
        instance.setProcessDefinitionId(historic.getProcessDefinitionId());
        instance.setBusinessKey(historic.getBusinessKey());
        return instance;
    }
}

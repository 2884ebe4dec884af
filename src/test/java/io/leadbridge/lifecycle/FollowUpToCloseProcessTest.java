package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Follow the lead up to a close": the rep's reports after first contact (notes, the opportunity
 * and its stages, won or lost), the status update cadence of the sla-policy table (a mid-market
 * lead: every 7 days, a channel manager chases after 2 missed updates), and the stale flag.
 */
@LeadbridgeTest
class FollowUpToCloseProcessTest {

    private static final Duration CYCLE = Duration.ofDays(7);

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions actions;
    @Autowired TaskService tasks;
    @Autowired LeadRepository leads;
    @Autowired LeadEventLog events;
    @Autowired OpportunityRepository opportunities;
    @Autowired NotificationRepository notifications;
    @Autowired AccessProvisioning access;

    private final Caller carol = new Caller("carol", Set.of(VendorGroups.CHANNEL_MANAGERS));
    private String partner;
    private Caller rep;
    private long leadId;
    private ProcessInstance process;

    @BeforeEach
    void aContactedLead() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = new Caller(fixtures.rep(partner), Set.of("partner-" + partner));
        leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        actions.acceptOffer(leadId, rep);
        actions.reportContact(leadId, ContactOutcome.CONTACTED, "discovery call held", rep);
        process = fixtures.process(leadId);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theRepConvertsTheLeadMovesTheOpportunityOnAndWinsIt() {
        assertThat(process).isWaitingAt("Task_ReportProgress");
        assertThat(taskOf("Task_ReportProgress")).isAssignedTo(rep.username());
        assertThat(process).variables().containsEntry(LeadVariables.MISSED_STATUS_UPDATES, 0);

        actions.reportProgress(leadId, new StatusUpdate(DealAction.CONVERT, new BigDecimal("50000"), "usd",
                today().plusDays(30), List.of("Cloud Platform", "Support"), null, null, "budget confirmed"), rep);

        assertThat(process).hasPassed("Task_RecordStatusUpdate").isWaitingAt("Task_ReportProgress");
        assertThat(leads.get(leadId).status()).isEqualTo(LeadStatus.OPPORTUNITY);
        Opportunity created = opportunities.find(leadId).orElseThrow();
        assertThat(created.stage()).isEqualTo(OpportunityStage.QUALIFICATION);
        assertThat(created.amount()).isEqualByComparingTo("50000");
        assertThat(created.currency()).isEqualTo("USD");
        assertThat(created.products()).containsExactly("Cloud Platform", "Support");
        assertThat(created.partnerId()).isEqualTo(partner);
        // The next report's form opens with the opportunity of record, in the report's own scope.
        assertThat(tasks.getVariables(taskOf("Task_ReportProgress").getId()))
                .containsEntry(StatusUpdate.STAGE, "QUALIFICATION").containsEntry(StatusUpdate.NOTE, null);
        assertThat(process).variables().containsEntry(LeadVariables.HAS_OPPORTUNITY, true)
                .doesNotContainKeys(StatusUpdate.STAGE, StatusUpdate.ACTION);

        actions.reportProgress(leadId, new StatusUpdate(DealAction.UPDATE, new BigDecimal("60000"), null, null, null,
                OpportunityStage.NEGOTIATION, null, "proposal accepted in principle"), rep);
        assertThatThrownBy(() -> actions.reportProgress(leadId, new StatusUpdate(DealAction.UPDATE, null, null, null,
                null, OpportunityStage.QUALIFICATION, null, null), rep))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot move from NEGOTIATION to QUALIFICATION")
                .hasMessageContaining("allowed: [PROPOSAL]");

        actions.reportProgress(leadId, new StatusUpdate(DealAction.WON, new BigDecimal("58500.50"), null, null, null,
                null, null, "signed after a 2.5% discount"), rep);
        engine.runDueJobs();

        assertThat(process).hasPassed("EndEvent_DealClosed", "EndEvent_LeadWon").isEnded();
        assertThat(leads.get(leadId).status()).isEqualTo(LeadStatus.WON);
        Opportunity won = opportunities.find(leadId).orElseThrow();
        assertThat(won.stage()).isEqualTo(OpportunityStage.WON);
        assertThat(won.finalAmount()).isEqualByComparingTo("58500.50");
        assertThat(won.currency()).isEqualTo("USD");
        assertThat(won.closedAt()).isNotNull();
        assertThat(types()).containsSubsequence(LeadEventType.CONTACTED, LeadEventType.OPPORTUNITY_CREATED,
                LeadEventType.OPPORTUNITY_UPDATED, LeadEventType.WON);
        assertThat(event(LeadEventType.OPPORTUNITY_UPDATED).detail())
                .contains("stage QUALIFICATION → NEGOTIATION").contains("amount 50,000.00 USD → 60,000.00 USD")
                .contains("proposal accepted in principle");
        assertThat(event(LeadEventType.WON).detail()).contains("final amount 58,500.50 USD");
        assertThat(event(LeadEventType.OPPORTUNITY_UPDATED).onTime()).as("no cycle was missed").isTrue();
    }

    @Test
    void tasklistAnswersAreCheckedLikeTheApiAndALostDealNeedsOneOfTheFixedReasons() {
        Task report = taskOf("Task_ReportProgress");

        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of(StatusUpdate.ACTION, "UPDATE")))
                .as("nothing to update before there is an opportunity").hasMessageContaining("allowed now");
        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of(StatusUpdate.ACTION, "CONVERT",
                StatusUpdate.AMOUNT, "abc", StatusUpdate.CURRENCY, "EUR", StatusUpdate.EXPECTED_CLOSE_DATE, "2030-01-01")))
                .hasMessageContaining("opportunityAmount");
        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of(StatusUpdate.ACTION, "LOST",
                StatusUpdate.LOST_REASON, "they were rude")))
                .hasMessageContaining("lostReason");
        assertThat(leads.get(leadId).status()).isEqualTo(LeadStatus.CONTACTED);

        // As the form sends it: the amount a number, the date text.
        Map<String, Object> convert = new HashMap<>();
        convert.put(StatusUpdate.ACTION, "CONVERT");
        convert.put(StatusUpdate.AMOUNT, 25000.0);
        convert.put(StatusUpdate.CURRENCY, "EUR");
        convert.put(StatusUpdate.EXPECTED_CLOSE_DATE, today().plusDays(60).toString());
        convert.put(StatusUpdate.STAGE, "PROPOSAL");
        tasks.complete(report.getId(), convert);
        assertThat(opportunities.find(leadId).orElseThrow().stage()).isEqualTo(OpportunityStage.PROPOSAL);

        Task next = taskOf("Task_ReportProgress");
        assertThat(next.getId()).isNotEqualTo(report.getId());
        tasks.complete(next.getId(), Map.of(StatusUpdate.ACTION, "LOST", StatusUpdate.LOST_REASON, "CHOSE_COMPETITOR",
                StatusUpdate.NOTE, "price"));
        engine.runDueJobs();

        assertThat(process).hasPassed("EndEvent_LeadLost").isEnded();
        assertThat(leads.get(leadId).outcomeReason()).isEqualTo("CHOSE_COMPETITOR");
        Opportunity lost = opportunities.find(leadId).orElseThrow();
        assertThat(lost.stage()).isEqualTo(OpportunityStage.LOST);
        assertThat(lost.lostReason()).isEqualTo(LostReason.CHOSE_COMPETITOR);
        assertThat(lost.closeNote()).isEqualTo("price");
    }

    @Test
    void eachMissedCycleRemindsTheRepAndTheSecondInARowAsksAChannelManagerToChase() {
        engine.passTime(CYCLE.plusMinutes(1));

        assertThat(leads.statusUpdates(leadId).missed()).isEqualTo(1);
        assertThat(event(LeadEventType.STATUS_UPDATE_MISSED).detail()).contains("1 status update(s) missed");
        assertThat(mails(NotificationKind.STATUS_UPDATE_REMINDER)).hasSize(1)
                .allSatisfy(m -> assertThat(m.recipient()).isEqualTo(rep.username() + "@partner.example"));
        assertThat(process).isWaitingAt("Task_ReportProgress").hasPassed("EndEvent_StatusUpdateReminderSent");
        assertThat(chaseTasks()).isEmpty();

        engine.passTime(CYCLE);

        assertThat(leads.statusUpdates(leadId).missed()).isEqualTo(2);
        assertThat(mails(NotificationKind.STATUS_UPDATE_REMINDER)).hasSize(2);
        assertThat(mails(NotificationKind.STATUS_UPDATE_OVERDUE))
                .extracting(Notification::recipient).contains("carol@vendor.example");
        List<Task> chase = chaseTasks();
        assertThat(chase).hasSize(1);
        assertThat(tasks.getIdentityLinksForTask(chase.get(0).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(VendorGroups.CHANNEL_MANAGERS));

        engine.passTime(CYCLE);
        assertThat(leads.statusUpdates(leadId).missed()).isEqualTo(3);
        assertThat(chaseTasks()).as("one chase per run of missed updates").hasSize(1);

        assertThatThrownBy(() -> tasks.complete(chase.get(0).getId(), Map.of()))
                .hasMessageContaining(LeadVariables.CHASE_NOTE);
        tasks.setAssignee(chase.get(0).getId(), "carol");
        tasks.complete(chase.get(0).getId(), Map.of(LeadVariables.CHASE_NOTE, "called the partner manager",
                LeadVariables.WITHDRAW_AFTER_CHASE, false));
        assertThat(process).hasPassed("Task_RecordChase", "EndEvent_RepChased").isWaitingAt("Task_ReportProgress");
        assertThat(event(LeadEventType.STATUS_UPDATE_CHASED).actor()).isEqualTo("carol");

        actions.reportProgress(leadId, StatusUpdate.note("sorry, customer was on holiday; call booked"), rep);
        assertThat(leads.statusUpdates(leadId).missed()).as("a report starts the count again").isZero();
        assertThat(event(LeadEventType.STATUS_UPDATED).onTime()).as("it came after missed cycles").isFalse();
        engine.passTime(CYCLE.plusMinutes(1));
        assertThat(leads.statusUpdates(leadId).missed()).isEqualTo(1);
        assertThat(chaseTasks()).isEmpty();
    }

    @Test
    void aChannelManagerWhoChasesMayWithdrawTheLeadAndItGoesToAnotherPartner() {
        String other = fixtures.partner("beta", PartnerTier.GOLD, "US");
        fixtures.rep(other);
        engine.passTime(CYCLE.plusMinutes(1));
        engine.passTime(CYCLE);
        Task chase = chaseTasks().get(0);

        tasks.setAssignee(chase.getId(), "carol");
        tasks.complete(chase.getId(), Map.of(LeadVariables.CHASE_NOTE, "no answer from the partner for two weeks",
                LeadVariables.WITHDRAW_AFTER_CHASE, true));
        engine.runDueJobs();

        assertThat(process).hasPassed("EndEvent_WithdrawalAfterChase", "Task_WithdrawNeglectedLead")
                .isWaitingAt("Task_AcceptLead");
        assertThat(leads.get(leadId).partnerId()).isEqualTo(other);
        assertThat(event(LeadEventType.WITHDRAWN).detail()).contains("status updates overdue");
        assertThat(event(LeadEventType.WITHDRAWN).actor()).isEqualTo("carol");
        assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("Task_ReportProgress")
                .count()).isZero();
    }

    @Test
    void closingTheDealEndsAnOpenChaseAndTheReminders() {
        engine.passTime(CYCLE.plusMinutes(1));
        engine.passTime(CYCLE);
        assertThat(chaseTasks()).hasSize(1);

        actions.reportProgress(leadId, new StatusUpdate(DealAction.LOST, null, null, null, null, null,
                LostReason.NO_BUDGET, null), rep);

        assertThat(process).isEnded();
        assertThat(chaseTasks()).isEmpty();
        assertThat(engine.engine().getManagementService().createJobQuery().processInstanceId(process.getId()).count())
                .isZero();
    }

    @Test
    void anOpportunityPastItsCloseDateWithoutNewsIsFlaggedStaleOnce() {
        actions.reportProgress(leadId, new StatusUpdate(DealAction.CONVERT, new BigDecimal("9000"), "EUR",
                today().plusDays(3), null, null, null, null), rep);

        engine.passTime(CYCLE.plusMinutes(1));
        Opportunity opportunity = opportunities.find(leadId).orElseThrow();
        assertThat(opportunity.isStale(today(), leads.statusUpdates(leadId).lastAt())).isTrue();
        assertThat(event(LeadEventType.OPPORTUNITY_STALE).detail())
                .contains("expected to close on " + opportunity.expectedCloseDate());
        assertThat(mails(NotificationKind.STATUS_UPDATE_REMINDER).get(0).body())
                .contains("past its expected close date");

        engine.passTime(CYCLE);
        assertThat(events.timeline(leadId)).filteredOn(e -> e.type() == LeadEventType.OPPORTUNITY_STALE).hasSize(1);

        actions.reportProgress(leadId, new StatusUpdate(DealAction.UPDATE, null, null, today().plusDays(20), null,
                null, null, "customer moved the signature"), rep);
        assertThat(opportunities.find(leadId).orElseThrow().isStale(today(), leads.statusUpdates(leadId).lastAt()))
                .isFalse();
    }

    @Test
    void aCloseDateInThePastOrAnUnknownCurrencyIsRefusedNamingTheField() {
        assertThatThrownBy(() -> actions.reportProgress(leadId, new StatusUpdate(DealAction.CONVERT,
                new BigDecimal("-1"), "XYZ", today().minusDays(1), null, null, null, null), rep))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder(StatusUpdate.AMOUNT, StatusUpdate.CURRENCY,
                                StatusUpdate.EXPECTED_CLOSE_DATE));
        assertThat(opportunities.find(leadId)).isEmpty();
        assertThat(process).isWaitingAt("Task_ReportProgress");
    }

    @Test
    void aChannelManagerMayStillWithdrawAnOpportunity() {
        actions.reportProgress(leadId, new StatusUpdate(DealAction.CONVERT, new BigDecimal("9000"), "EUR",
                today().plusDays(30), null, null, null, null), rep);

        actions.withdraw(leadId, "partner left the program", carol);
        engine.runDueJobs();

        assertThat(process).hasPassed("Task_WithdrawContactedLeadOnRequest");
        assertThat(leads.get(leadId).partnerId()).isNotEqualTo(partner);
    }

    private Task taskOf(String key) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<Task> chaseTasks() {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("Task_ChaseStatusUpdate")
                .list();
    }

    private List<Notification> mails(NotificationKind kind) {
        return notifications.forLead(leadId).stream().filter(n -> n.kind() == kind).toList();
    }

    private List<LeadEventType> types() {
        return events.timeline(leadId).stream().map(LeadEvent::type).toList();
    }

    private LeadEvent event(LeadEventType type) {
        return events.timeline(leadId).stream().filter(e -> e.type() == type).reduce((a, b) -> b).orElseThrow();
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}

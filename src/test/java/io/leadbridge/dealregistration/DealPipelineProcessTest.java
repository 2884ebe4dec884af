package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An approved deal in the opportunity pipeline (processes/deal-registration.bpmn after approval):
 * "Report on the deal" moves its stage and amount and closes it won or lost, which ends the process
 * and the protection; without a report the partner is reminded at half the table's stale period
 * (P30D for a gold partner's 100,000 deal) and flagged stale at its end. The clock is moved.
 */
@LeadbridgeTest
class DealPipelineProcessTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired DealRegistrations registrations;
    @Autowired RegisteredProtection protection;
    @Autowired NotificationRepository notifications;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    private String gold;
    private Caller goldRep;

    @BeforeEach
    void partner() {
        fixtures.isolateFromEarlierTests();
        gold = fixtures.partner("gold", PartnerTier.GOLD, "US");
        goldRep = DealRegistrationFixtures.rep(fixtures.rep(gold), gold);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void anApprovedDealMovesThroughTheStagesAndIsWonWhichEndsTheProcessAndTheProtection() {
        DealRegistration deal = approvedDeal();
        Task report = reportTask(deal);
        assertThat(report.getName()).isEqualTo("Report on the deal");
        assertThat(tasks.getIdentityLinksForTask(report.getId())).extracting(IdentityLink::getGroupId)
                .as("the registering partner's people").contains("partner-" + gold);
        assertThat(deal.pipeline().stage()).isEqualTo(OpportunityStage.QUALIFICATION);

        engine.passTime(Duration.ofDays(10));
        DealRegistration moved = registrations.update(deal.id(), new DealUpdate(DealAction.UPDATE,
                OpportunityStage.PROPOSAL, new BigDecimal("120000"), null, null, "proposal sent"), goldRep);
        assertThat(moved.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(moved.pipeline().stage()).isEqualTo(OpportunityStage.PROPOSAL);
        assertThat(moved.amount()).isEqualByComparingTo("120000");
        assertThat(moved.pipeline().registeredAmount()).as("what was registered stays").isEqualByComparingTo("100000");
        assertThat(moved.lastUpdateNote()).contains("stage QUALIFICATION → PROPOSAL").contains("proposal sent");
        assertThat(reportTask(deal)).as("the next report is open").isNotNull();

        engine.passTime(Duration.ofDays(10));
        DealRegistration won = registrations.update(deal.id(), new DealUpdate(DealAction.WON, null,
                new BigDecimal("115000.50"), null, null, null), goldRep);

        assertThat(won.status()).isEqualTo(DealStatus.WON);
        assertThat(won.pipeline().stage()).isEqualTo(OpportunityStage.WON);
        assertThat(won.pipeline().finalAmount()).isEqualByComparingTo("115000.50");
        assertThat(won.pipeline().closedAt()).isNotNull();
        assertThat(won.protectedUntil()).isBeforeOrEqualTo(won.pipeline().closedAt());
        assertThat(protection.of(deal.accountId(), "Cloud Platform")).as("protection ends with the win").isEmpty();
        HistoricProcessInstance process = process(deal);
        assertThat(process.getEndTime()).isNotNull();
        assertThat(passed(process)).contains("Task_ReportOnDeal", "Gateway_DealOutcome", "EndEvent_DealWon")
                .doesNotContain("EndEvent_DealLost", "Task_FlagStaleDeal");
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).as("no timer left")
                .isZero();
    }

    @Test
    void aDealLostInTasklistKeepsItsReasonAndALossWithoutOneIsRefusedNamingTheField() {
        DealRegistration deal = approvedDeal();
        Task report = reportTask(deal);

        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of("dealAction", "LOST", "dealNote", "gone")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("lostReason");
        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of("dealAction", "UPDATE", "dealStage",
                "SOLD"))).as("the form's own check").hasMessageContaining("dealStage");
        assertThatThrownBy(() -> tasks.complete(report.getId(), Map.of("dealAction", "UPDATE", "dealStage",
                "QUALIFICATION"))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dealStage: nothing to update");
        assertThat(registrations.get(deal.id()).status()).as("nothing recorded").isEqualTo(DealStatus.APPROVED);

        tasks.complete(report.getId(), Map.of("dealAction", "LOST", "lostReason", "CHOSE_COMPETITOR",
                "dealNote", "went with the incumbent"));

        DealRegistration lost = registrations.get(deal.id());
        assertThat(lost.status()).isEqualTo(DealStatus.LOST);
        assertThat(lost.pipeline().lostReason()).isEqualTo(LostReason.CHOSE_COMPETITOR);
        assertThat(lost.lastUpdateNote()).contains("CHOSE_COMPETITOR").contains("went with the incumbent");
        assertThat(protection.of(deal.accountId(), "Cloud Platform")).isEmpty();
        assertThat(passed(process(deal))).contains("EndEvent_DealLost").doesNotContain("EndEvent_DealWon");
        assertThat(process(deal).getEndTime()).isNotNull();
    }

    @Test
    void aStageMayNotJumpBackTwoStepsAndAClosedDealTakesNoMoreReports() {
        DealRegistration deal = approvedDeal();
        registrations.update(deal.id(), new DealUpdate(DealAction.UPDATE, OpportunityStage.NEGOTIATION, null, null,
                null, null), goldRep);

        assertThatThrownBy(() -> registrations.update(deal.id(), new DealUpdate(DealAction.UPDATE,
                OpportunityStage.QUALIFICATION, null, null, null, null), goldRep))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("stage");
        registrations.update(deal.id(), new DealUpdate(DealAction.LOST, null, null, null, LostReason.NO_BUDGET, null),
                goldRep);
        assertThatThrownBy(() -> registrations.update(deal.id(), new DealUpdate("one more"), goldRep))
                .hasMessageContaining("is LOST");
    }

    @Test
    void remindsThePartnerAtHalfTheStalePeriodThenFlagsTheDealStale() {
        DealRegistration deal = approvedDeal();

        engine.passTime(Duration.ofDays(14));
        assertThat(mails(NotificationKind.DEAL_UPDATE_REMINDER)).isEmpty();
        engine.passTime(Duration.ofDays(1).plusMinutes(1));
        assertThat(mails(NotificationKind.DEAL_UPDATE_REMINDER)).as("reminded after 15 of 30 days").isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.subject()).contains("report on your deal"));
        assertThat(reportTask(deal)).as("the report stays open").isNotNull();
        assertThat(registrations.get(deal.id()).status()).isEqualTo(DealStatus.APPROVED);

        engine.passTime(Duration.ofDays(15));

        DealRegistration stale = registrations.get(deal.id());
        assertThat(stale.status()).isEqualTo(DealStatus.STALE);
        assertThat(stale.stale()).isTrue();
        assertThat(protection.of(deal.accountId(), "Cloud Platform")).isEmpty();
        assertThat(passed(process(deal))).contains("BoundaryEvent_UpdateReminder", "Task_RemindPartnerOfUpdate",
                "Task_SendUpdateReminder", "Task_FlagStaleDeal", "EndEvent_ProtectionEndedEarly");
        assertThat(process(deal).getEndTime()).isNotNull();
    }

    @Test
    void aReportStartsTheStalePeriodAgainAndMovesTheReminder() {
        DealRegistration deal = approvedDeal();
        engine.passTime(Duration.ofDays(10));
        registrations.update(deal.id(), new DealUpdate("demo scheduled"), goldRep);

        engine.passTime(Duration.ofDays(10));
        assertThat(mails(NotificationKind.DEAL_UPDATE_REMINDER)).as("half of 30 days after day 10 is day 25")
                .isEmpty();
        engine.passTime(Duration.ofDays(15).plusMinutes(1));
        assertThat(mails(NotificationKind.DEAL_UPDATE_REMINDER)).isNotEmpty();
        assertThat(registrations.get(deal.id()).status()).as("day 35: due on day 40").isEqualTo(DealStatus.APPROVED);
    }

    private DealRegistration approvedDeal() {
        DealRegistration deal = registrations.register(request(newDomain(), "Cloud Platform", "100000"), goldRep);
        engine.runDueJobs();
        assertThat(deal.status()).isEqualTo(DealStatus.APPROVED);
        return registrations.get(deal.id());
    }

    private Task reportTask(DealRegistration deal) {
        return tasks.createTaskQuery().processDefinitionKey(DealVariables.PROCESS_KEY)
                .processInstanceBusinessKey(Long.toString(deal.id())).taskDefinitionKey(DealVariables.TASK_REPORT)
                .singleResult();
    }

    private List<Notification> mails(NotificationKind kind) {
        return notifications.findByLeadIdIsNullAndPartnerIdOrderById(gold).stream().filter(n -> n.kind() == kind)
                .toList();
    }

    private HistoricProcessInstance process(DealRegistration deal) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(DealVariables.PROCESS_KEY)
                .processInstanceBusinessKey(Long.toString(deal.id())).singleResult();
    }

    private List<String> passed(HistoricProcessInstance process) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).list().stream()
                .map(a -> a.getActivityId()).toList();
    }
}

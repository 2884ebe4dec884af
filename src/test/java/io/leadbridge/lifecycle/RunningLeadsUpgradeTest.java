package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Leads that started on an earlier version of the lead process (here: the version whose offer kept
 * its answer in scope by a task listener, before the task's input parameters did) move to the
 * newest version through Camunda's migration API and go on from where they waited: tasks with their
 * assignee, timers with their due dates, variables as they were.
 */
@LeadbridgeTest
class RunningLeadsUpgradeTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired RuntimeService runtime;
    @Autowired RunningLeadsUpgrade upgrade;
    @Autowired ProcessEngine processEngine;
    private LeadProcessVersions versions;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
        versions = new LeadProcessVersions(processEngine, fixtures);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void leadsWaitingForAnAnswerOrAContactGoOnOnTheNewestVersion() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        ProcessDefinition earlier = versions.deploy(LeadProcessVersions.EARLIER,
                "lead process: offer answers kept by a listener");
        long offered = fixtures.submit(fixtures.partnerLead("US"));
        long accepted = fixtures.submit(fixtures.partnerLead("US"));
        long reporting = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(rep.post("/api/leads/" + accepted + "/accept", "{}").status()).isEqualTo(200);
        assertThat(rep.post("/api/leads/" + reporting + "/accept", "{}").status()).isEqualTo(200);
        assertThat(rep.post("/api/leads/" + reporting + "/contact", Map.of("outcome", "CONTACTED")).status())
                .isEqualTo(200);
        Task report = versions.task(reporting, "Task_ReportProgress");
        Task offer = versions.task(offered, "Task_AcceptLead");
        Task contact = versions.task(accepted, "Task_ContactProspect");
        assertThat(versions.definitionOf(offered)).isEqualTo(earlier.getId());
        assertThat(runtime.getVariablesLocal(offer.getExecutionId())).as("the listener declared the answer in scope")
                .containsKey("offerDecision");
        Date offerDue = versions.timerDue(offered, "BoundaryEvent_AcceptSlaBreached");
        Date contactDue = versions.timerDue(accepted, "BoundaryEvent_ContactSlaBreached");
        Date reportDue = versions.timerDue(reporting, "BoundaryEvent_StatusUpdateDue");
        engine.passTimeWithoutJobs(Duration.ofHours(5));
        ProcessDefinition newest = versions.deploy(LeadProcessVersions.SHIPPED, "lead process as shipped");

        assertThat(upgrade.upgradeRunningLeads()).isEqualTo(3);

        assertThat(versions.definitionOf(offered)).isEqualTo(newest.getId());
        assertThat(versions.definitionOf(accepted)).isEqualTo(newest.getId());
        assertThat(versions.task(offered, "Task_AcceptLead").getId()).as("the same task, not a new one")
                .isEqualTo(offer.getId());
        assertThat(versions.task(accepted, "Task_ContactProspect").getAssignee()).isEqualTo(contact.getAssignee());
        assertThat(versions.timerDue(offered, "BoundaryEvent_AcceptSlaBreached")).isEqualTo(offerDue);
        assertThat(versions.timerDue(accepted, "BoundaryEvent_ContactSlaBreached")).isEqualTo(contactDue);
        assertThat(versions.definitionOf(reporting)).isEqualTo(newest.getId());
        assertThat(versions.task(reporting, "Task_ReportProgress").getId()).as("the same report task")
                .isEqualTo(report.getId());
        assertThat(versions.timerDue(reporting, "BoundaryEvent_StatusUpdateDue")).as("the status update cadence")
                .isEqualTo(reportDue);
        assertThat(upgrade.upgradeRunningLeads()).as("nothing left to move").isZero();

        Response accept = rep.post("/api/leads/" + offered + "/accept", "{}");
        assertThat(accept.status()).as(accept.body()).isEqualTo(200);
        assertThat(fixtures.lead(offered).status()).isEqualTo(LeadStatus.ACCEPTED);
        Response contacted = rep.post("/api/leads/" + accepted + "/contact", Map.of("outcome", "CONTACTED"));
        assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
        assertThat(fixtures.lead(accepted).status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(versions.task(accepted, "Task_ReportProgress")).as("the follow-up of the newest version")
                .isNotNull();
        Response converted = rep.post("/api/leads/" + reporting + "/opportunity", Map.of("amount", 12000,
                "currency", "EUR", "expectedCloseDate", LocalDate.now().plusDays(40).toString()));
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        assertThat(fixtures.lead(reporting).status()).isEqualTo(LeadStatus.OPPORTUNITY);
        Task nextReport = versions.task(reporting, "Task_ReportProgress");
        assertThat(nextReport.getId()).as("a new report after the migrated one").isNotEqualTo(report.getId());
        assertThat(runtime.getVariables(nextReport.getExecutionId())).as("the next report opens with the opportunity")
                .containsEntry("opportunityAmount", "12000.00").containsEntry("progressAction", null);
    }

    /**
     * The earlier version sent an offer's mails as a job of their own; the shipped version sends them
     * in the offer's transaction and has no such job to move a waiting lead onto.
     */
    @Test
    void aLeadWaitingToSendItsMailsStaysOnItsVersionUntilTheyAreSentAndMovesAtTheNextStart() {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        ProcessDefinition earlier = versions.deploy(LeadProcessVersions.EARLIER,
                "lead process: offer answers kept by a listener");
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        String leadProcess = fixtures.process(lead).getId();
        ManagementService management = processEngine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(leadProcess)
                .activityId("StartEvent_LeadReceived").singleResult().getId());
        assertThat(management.createJobQuery().processInstanceId(leadProcess).activityId("Task_SendOfferNotifications")
                .count()).as("the mails wait for their job").isOne();
        ProcessDefinition newest = versions.deploy(LeadProcessVersions.SHIPPED, "lead process as shipped");

        assertThat(upgrade.upgradeRunningLeads()).isZero();
        assertThat(versions.definitionOf(lead)).isEqualTo(earlier.getId());

        engine.runDueJobs();
        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(upgrade.upgradeRunningLeads()).isOne();
        assertThat(versions.definitionOf(lead)).isEqualTo(newest.getId());
        assertThat(versions.task(lead, "Task_AcceptLead")).isNotNull();
    }

    @Test
    void aNewOfferKeepsItsAnswerInItsOwnScopeByItsInputParameters() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Task offer = versions.task(lead, "Task_AcceptLead");

        assertThat(runtime.getVariablesLocal(offer.getExecutionId()))
                .containsKeys("offerDecision", "declineReason", "taskWorker");
        assertThat(runtime.getVariablesLocal(offer.getProcessInstanceId())).doesNotContainKeys("offerDecision",
                "declineReason");
        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(partner);
    }
}

package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
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
 * The start-up upkeep on PostgreSQL, as a node does it after an upgrade: a lead offered on the
 * earlier lead process moves to the shipped one and is accepted there; the contact details an
 * earlier version kept as variables leave the runtime and the history tables.
 */
@PostgresTest
class RunningLeadsUpgradePostgresIT {

    private static final String[] CONTACT_KEYS = {"contactName", "contactEmail", "contactPhone", "contactTitle"};

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired RunningLeadsUpgrade upgrade;
    @Autowired ContactDetailsRemoval removal;
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
    void anOfferedLeadOfTheEarlierProcessMovesToTheShippedOneAndLeavesNoContactDetailsBehind() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        versions.deploy(LeadProcessVersions.EARLIER, "lead process: offer answers kept by a listener");
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Task offer = versions.task(lead, "Task_AcceptLead");
        Date due = versions.timerDue(lead, "BoundaryEvent_AcceptSlaBreached");
        String processInstance = offer.getProcessInstanceId();
        for (String key : CONTACT_KEYS) {
            runtime.setVariable(processInstance, key, "kept by an earlier version");
        }
        ProcessDefinition shipped = versions.deploy(LeadProcessVersions.SHIPPED, "lead process as shipped");

        assertThat(upgrade.upgradeRunningLeads()).isOne();
        assertThat(removal.removeFromEngine()).isEqualTo(CONTACT_KEYS.length);

        assertThat(versions.definitionOf(lead)).isEqualTo(shipped.getId());
        assertThat(versions.task(lead, "Task_AcceptLead").getId()).isEqualTo(offer.getId());
        assertThat(versions.timerDue(lead, "BoundaryEvent_AcceptSlaBreached")).isEqualTo(due);
        assertThat(runtime.getVariables(processInstance)).doesNotContainKeys(CONTACT_KEYS);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstance)
                .variableNameIn(CONTACT_KEYS).count()).isZero();
        Response accepted = rep.post("/api/leads/" + lead + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(versions.task(lead, "Task_ContactProspect")).isNotNull();
    }
}

package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lead's way to its partner leaves each variable's last value, every step and the routing
 * tables' evaluations in the engine's history, but not a row per variable change nor the reward
 * table's evaluations.
 */
@LeadbridgeTest
class VariableHistoryTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired HistoryService history;

    @Test
    void anOfferedLeadHasItsVariablesStepsAndDecisionsInHistoryButNoChangeRows() {
        fixtures.isolateFromEarlierTests();
        fixtures.rep(fixtures.partner("history", PartnerTier.GOLD, "US"));
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        String instance = fixtures.process(leadId).getId();

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).count())
                .as("each variable's last value").isGreaterThan(10);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Task_SelectPartner").count()).isEqualTo(1);
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()
                + history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("leadQualification").count())
                .as("decision evaluations").isPositive();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count())
                .as("no row per variable change").isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("rewardPoints").count())
                .as("the reward table's evaluations are in the reward ledger, not in history").isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("slaPolicy").count())
                .as("the other tables' evaluations stay").isPositive();
    }
}

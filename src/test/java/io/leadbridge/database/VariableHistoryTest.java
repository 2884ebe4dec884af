package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lead's way to its partner leaves each variable's last value, every step and the routing
 * tables' evaluations in the engine's history, but not a row per variable change nor the reward
 * table's evaluations; a variable set again to the value it holds is not written at all.
 */
@LeadbridgeTest
class VariableHistoryTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;

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

    @Test
    void aReOfferWritesOnlyTheVariablesThatChange() {
        fixtures.isolateFromEarlierTests();
        fixtures.rep(fixtures.partner("first", PartnerTier.GOLD, "US"));
        fixtures.rep(fixtures.partner("second", PartnerTier.GOLD, "US"));
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        String instance = fixtures.process(leadId).getId();
        String firstPartner = fixtures.lead(leadId).partnerId();

        engine.passTime(Duration.ofDays(1).plusMinutes(1));

        try {
            assertThat(fixtures.lead(leadId).partnerId()).as("re-offered").isNotEqualTo(firstPartner).isNotNull();
            assertThat(revision(instance, "attempt")).as("the second offer").isEqualTo(2);
            assertThat(revision(instance, "partnerId")).isEqualTo(2);
            assertThat(revision(instance, "maxAttempts")).as("the same SLA terms are not written again").isEqualTo(1);
            assertThat(revision(instance, "slaTerms")).isEqualTo(1);
            assertThat(revision(instance, "nominatedPartnerId")).as("still nobody nominated").isEqualTo(1);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("attempt")
                    .singleResult().getValue()).isEqualTo(2);
        } finally {
            engine.resetClock();
        }
    }

    private int revision(String instance, String name) {
        return ((VariableInstanceEntity) runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
                .variableName(name).singleResult()).getRevision();
    }
}

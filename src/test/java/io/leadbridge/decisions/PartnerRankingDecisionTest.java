package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code partner-ranking.dmn}: the DRD of "Partner base weight" (UNIQUE, by tier) and "Partner
 * performance adjustment" (COLLECT SUM) feeding "Partner ranking" (FIRST). The two required tables
 * are also evaluated on their own to pin their boundaries; the ranking cases evaluate
 * {@code partnerRanking} with exactly the variables the application passes. An adjustment of
 * {@code none} means no row matched, so the table returns no result at all.
 */
class PartnerRankingDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("partner-ranking.dmn");

    @ParameterizedTest(name = "{0} -> base weight {1}")
    @CsvSource(textBlock = """
            PLATINUM,   40
            GOLD,       30
            SILVER,     20
            REGISTERED, 10
            """)
    void givesHigherTiersALargerBaseWeight(String tier, int baseWeight) {
        var result = DMN.evaluateSingle("partnerBaseWeight", Variables.createVariables().putValue("tier", tier));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("baseWeight", baseWeight));
    }

    @ParameterizedTest(name = "accepted {0}, SLA kept {1}, won {2}, {3}, load {4} -> {5}")
    @CsvSource(nullValues = "unknown", textBlock = """
            1.0,     unknown, unknown, GOOD, 0.0,    10
            0.9,     unknown, unknown, GOOD, 0.0,    10
            0.8999,  unknown, unknown, GOOD, 0.0,    none
            0.5,     unknown, unknown, GOOD, 0.0,    none
            0.4999,  unknown, unknown, GOOD, 0.0,    -10
            0.0,     unknown, unknown, GOOD, 0.0,    -10
            unknown, 1.0,     unknown, GOOD, 0.0,    10
            unknown, 0.95,    unknown, GOOD, 0.0,    10
            unknown, 0.9499,  unknown, GOOD, 0.0,    none
            unknown, 0.7,     unknown, GOOD, 0.0,    none
            unknown, 0.6999,  unknown, GOOD, 0.0,    -10
            unknown, unknown, 0.3,     GOOD, 0.0,    10
            unknown, unknown, 0.2999,  GOOD, 0.0,    none
            unknown, unknown, 0.1,     GOOD, 0.0,    none
            unknown, unknown, 0.0999,  GOOD, 0.0,    -5
            unknown, unknown, 0.0,     GOOD, 0.0,    -5
            unknown, unknown, unknown, WARNED, 0.0,  -10
            unknown, unknown, unknown, GOOD, 0.7999, none
            unknown, unknown, unknown, GOOD, 0.8,    -5
            unknown, unknown, unknown, GOOD, 1.0,    -5
            unknown, unknown, unknown, GOOD, 0.0,    none
            0.95,    0.98,    0.45,    GOOD, 0.2,    30
            0.92,    0.96,    0.35,    GOOD, 0.85,   25
            0.3,     0.5,     0.05,    WARNED, 0.9,  -40
            0.9,     0.6,     0.3,     WARNED, 0.5,  0
            """)
    void addsUpThePerformanceAdjustmentsOfEveryMatchingRow(Double acceptanceRate, Double slaKeptRate, Double winRate,
            String standing, Double load, String adjustment) {
        DmnDecisionResult result = DMN.evaluate("partnerPerformanceAdjustment", Variables.createVariables()
                .putValue("acceptanceRate", acceptanceRate)
                .putValue("slaKeptRate", slaKeptRate)
                .putValue("winRate", winRate)
                .putValue("standing", standing)
                .putValue("load", load));

        if ("none".equals(adjustment)) {
            assertThat(result.getResultList()).as("no adjustment row matches").isEmpty();
        } else {
            assertThat(result.getResultList())
                    .isEqualTo(List.of(Map.of("performanceAdjustment", Integer.valueOf(adjustment))));
        }
    }

    @ParameterizedTest(name = "new {0} partner -> {6}")
    @CsvSource(nullValues = "unknown", textBlock = """
            PLATINUM,   unknown, unknown, unknown, 0.0, GOOD, 40
            GOLD,       unknown, unknown, unknown, 0.5, GOOD, 30
            SILVER,     unknown, unknown, unknown, 0.0, GOOD, 20
            REGISTERED, unknown, unknown, unknown, 0.0, GOOD, 10
            """)
    void givesANewPartnerWithoutHistoryItsTierBaseWeightOnly(String tier, Double acceptanceRate, Double slaKeptRate,
            Double winRate, Double load, String standing, int weight) {
        assertWeight(tier, acceptanceRate, slaKeptRate, winRate, load, standing, weight);
    }

    @ParameterizedTest(name = "{0}: accepted {1}, SLA kept {2}, won {3}, load {4}, {5} -> {6}")
    @CsvSource(nullValues = "unknown", textBlock = """
            PLATINUM,   0.95,    0.98,    0.45,    0.2,    GOOD,   70
            GOLD,       0.9,     0.95,    0.3,     0.0,    GOOD,   60
            GOLD,       0.8999,  0.9499,  0.2999,  0.0,    GOOD,   30
            SILVER,     0.4999,  unknown, unknown, 0.0,    GOOD,   10
            SILVER,     0.5,     0.7,     0.1,     0.0,    GOOD,   20
            SILVER,     unknown, 0.6999,  unknown, 0.0,    GOOD,   10
            PLATINUM,   unknown, unknown, 0.0999,  0.0,    GOOD,   35
            GOLD,       unknown, unknown, unknown, 0.0,    WARNED, 20
            GOLD,       unknown, unknown, unknown, 0.7999, GOOD,   30
            GOLD,       unknown, unknown, unknown, 0.8,    GOOD,   25
            PLATINUM,   0.95,    0.98,    0.45,    0.9999, GOOD,   65
            """)
    void addsThePerformanceAdjustmentToTheBaseWeight(String tier, Double acceptanceRate, Double slaKeptRate,
            Double winRate, Double load, String standing, int weight) {
        assertWeight(tier, acceptanceRate, slaKeptRate, winRate, load, standing, weight);
    }

    @ParameterizedTest(name = "{0}: accepted {1}, SLA kept {2}, won {3}, load {4}, {5} -> {6}")
    @CsvSource(nullValues = "unknown", textBlock = """
            REGISTERED, 0.3,     0.5,     0.05,    0.9, WARNED, 1
            SILVER,     0.2,     0.4,     0.0,     0.8, WARNED, 1
            REGISTERED, unknown, unknown, unknown, 0.0, WARNED, 1
            REGISTERED, 0.4,     unknown, unknown, 0.0, GOOD,   1
            REGISTERED, unknown, unknown, 0.05,    0.0, GOOD,   5
            """)
    void neverLetsAPartnerThatMayReceiveLeadsDropBelowWeight1(String tier, Double acceptanceRate, Double slaKeptRate,
            Double winRate, Double load, String standing, int weight) {
        assertWeight(tier, acceptanceRate, slaKeptRate, winRate, load, standing, weight);
    }

    @ParameterizedTest(name = "{0}, {5}, load {4} -> 0")
    @CsvSource(nullValues = "unknown", textBlock = """
            PLATINUM,   0.95,    0.98,    0.45,    0.2, SUSPENDED, 0
            REGISTERED, unknown, unknown, unknown, 0.0, SUSPENDED, 0
            GOLD,       0.3,     0.5,     0.05,    1.2, SUSPENDED, 0
            """)
    void givesASuspendedPartnerNoLeads(String tier, Double acceptanceRate, Double slaKeptRate,
            Double winRate, Double load, String standing, int weight) {
        assertWeight(tier, acceptanceRate, slaKeptRate, winRate, load, standing, weight);
    }

    @ParameterizedTest(name = "{0}, {5}, load {4} -> 0")
    @CsvSource(nullValues = "unknown", textBlock = """
            PLATINUM,   0.95,    0.98,    0.45,    1.0, GOOD,   0
            REGISTERED, unknown, unknown, unknown, 1.0, GOOD,   0
            GOLD,       0.9,     0.95,    0.3,     1.5, WARNED, 0
            """)
    void givesAPartnerAtCapacityNoLeads(String tier, Double acceptanceRate, Double slaKeptRate,
            Double winRate, Double load, String standing, int weight) {
        assertWeight(tier, acceptanceRate, slaKeptRate, winRate, load, standing, weight);
    }

    /**
     * The contract knows four tiers. A tier the base table does not know gives no base weight, and
     * then no weight: the caller must treat a missing weight as a data error, not as 0.
     */
    @ParameterizedTest(name = "tier {0} -> no weight")
    @CsvSource(nullValues = "unknown", textBlock = """
            unknown
            DIAMOND
            """)
    void givesNoWeightForATierTheBaseTableDoesNotKnow(String tier) {
        var result = DMN.evaluateSingle("partnerRanking", variables(tier, 0.95, 0.98, 0.45, 0.2, "GOOD"));

        assertThat(result.getEntryMap()).containsOnlyKeys("weight").containsEntry("weight", null);
    }

    /** The application calls {@code DecisionService.evaluateDecisionByKey("partnerRanking")}; so does this test. */
    @Test
    void ranksPartnersThroughTheProcessEnginesDecisionService() {
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("ranking-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:ranking-" + UUID.randomUUID())
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment()
                    .addClasspathResource("partner-ranking.dmn")
                    .deploy();

            assertThat(rankThroughEngine(engine, variables("GOLD", null, null, null, 0.0, "GOOD"))).isEqualTo(30);
            assertThat(rankThroughEngine(engine, variables("PLATINUM", 0.95, 0.98, 0.45, 0.2, "GOOD"))).isEqualTo(70);
            assertThat(rankThroughEngine(engine, variables("REGISTERED", 0.3, 0.5, 0.05, 0.9, "WARNED"))).isEqualTo(1);
            assertThat(rankThroughEngine(engine, variables("PLATINUM", 0.95, 0.98, 0.45, 0.2, "SUSPENDED")))
                    .isEqualTo(0);
            assertThat(rankThroughEngine(engine, variables("SILVER", 0.9, 0.95, 0.3, 1.0, "GOOD"))).isEqualTo(0);
        } finally {
            engine.close();
        }
    }

    @Test
    void explainsEveryDecisionAndRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleOfEveryTableIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static Object rankThroughEngine(ProcessEngine engine, VariableMap variables) {
        DmnDecisionResult result = engine.getDecisionService()
                .evaluateDecisionByKey("partnerRanking")
                .variables(variables)
                .evaluate();
        Object weight = result.getSingleResult().getEntry("weight");
        assertThat(weight).as("weight for %s", variables).isInstanceOf(Integer.class);
        return weight;
    }

    private static void assertWeight(String tier, Double acceptanceRate, Double slaKeptRate, Double winRate,
            Double load, String standing, int weight) {
        var result = DMN.evaluateSingle("partnerRanking",
                variables(tier, acceptanceRate, slaKeptRate, winRate, load, standing));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("weight", weight));
    }

    private static VariableMap variables(String tier, Double acceptanceRate, Double slaKeptRate, Double winRate,
            Double load, String standing) {
        return Variables.createVariables()
                .putValue("tier", tier)
                .putValue("acceptanceRate", acceptanceRate)
                .putValue("slaKeptRate", slaKeptRate)
                .putValue("winRate", winRate)
                .putValue("load", load)
                .putValue("standing", standing);
    }
}

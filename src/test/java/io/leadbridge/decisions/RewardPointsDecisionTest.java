package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code reward-points.dmn}: the points each step on a lead earns, row by row. Inputs: the event
 * type, whether the step came by its deadline ({@code unknown} = no deadline), the segment, the
 * won deal's final amount and the withdrawal reason.
 */
class RewardPointsDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("reward-points.dmn");

    @ParameterizedTest(name = "{0} on time {1}, {2}: {3} points")
    @CsvSource(nullValues = "unknown", textBlock = """
            ACCEPTED,  false,   ENTERPRISE, 2
            ACCEPTED,  false,   SMB,        2
            ACCEPTED,  true,    ENTERPRISE, 15
            ACCEPTED,  unknown, ENTERPRISE, 15
            ACCEPTED,  true,    MID_MARKET, 10
            ACCEPTED,  unknown, unknown,    10
            CONTACTED, false,   ENTERPRISE, 3
            CONTACTED, false,   MID_MARKET, 3
            CONTACTED, true,    ENTERPRISE, 25
            CONTACTED, true,    SMB,        15
            CONTACTED, unknown, MID_MARKET, 15
            """)
    void rewardsAcceptingAndContactingByTheDeadlineAndEnterpriseLeadsMost(String eventType, Boolean onTime,
            String segment, int points) {
        assertPoints(eventType, onTime, segment, null, null, points);
    }

    @ParameterizedTest(name = "{0} on time {1}: {2} points")
    @CsvSource(nullValues = "unknown", textBlock = """
            STATUS_UPDATED,      false,   1
            STATUS_UPDATED,      true,    3
            STATUS_UPDATED,      unknown, 3
            OPPORTUNITY_UPDATED, unknown, 2
            """)
    void rewardsKeepingTheVendorInformed(String eventType, Boolean onTime, int points) {
        assertPoints(eventType, onTime, "MID_MARKET", null, null, points);
    }

    @ParameterizedTest(name = "{0}: {1} points")
    @CsvSource(nullValues = "unknown", textBlock = """
            ENTERPRISE, 40
            MID_MARKET, 25
            SMB,        25
            unknown,    25
            """)
    void rewardsConvertingALeadIntoAnOpportunityAndEnterpriseLeadsMore(String segment, int points) {
        assertPoints("OPPORTUNITY_CREATED", null, segment, null, null, points);
    }

    @ParameterizedTest(name = "{0} deal of {1}: {2} points")
    @CsvSource(nullValues = "unknown", textBlock = """
            ENTERPRISE, 100000.01, 150
            ENTERPRISE, 250000,    150
            MID_MARKET, 100000.01, 100
            SMB,        1000000,   100
            ENTERPRISE, 100000,    50
            MID_MARKET, 10000,     50
            SMB,        42000,     50
            ENTERPRISE, 9999.99,   25
            SMB,        500,       25
            ENTERPRISE, unknown,   25
            MID_MARKET, unknown,   25
            """)
    void rewardsAWinByTheBandOfTheDealValue(String segment, Double dealValue, int points) {
        assertPoints("WON", null, segment, dealValue, null, points);
    }

    @Test
    void rewardsReportingALossBecauseItClosesTheLoop() {
        assertPoints("LOST", null, "SMB", null, null, 5);
        assertPoints("LOST", null, "ENTERPRISE", null, null, 5);
    }

    @ParameterizedTest(name = "withdrawn for {1} ({0}): {2} points")
    @CsvSource(nullValues = "unknown", textBlock = """
            ENTERPRISE, CONTACT_SLA_MISSED, -30
            MID_MARKET, CONTACT_SLA_MISSED, -20
            SMB,        CONTACT_SLA_MISSED, -20
            ENTERPRISE, ACCEPT_SLA_MISSED,  -10
            SMB,        ACCEPT_SLA_MISSED,  -10
            MID_MARKET, CHANNEL_MANAGER,    -5
            ENTERPRISE, REASSIGNED,         -5
            SMB,        unknown,            -5
            """)
    void takesPointsFromThePartnerThatLostTheLead(String segment, String reason, int points) {
        assertPoints("WITHDRAWN", null, segment, null, reason, points);
    }

    @Test
    void losingAnOpenCompetitionOrDecliningCostsNothing() {
        assertPoints("WITHDRAWN", null, "SMB", null, "COMPETITION_LOST", 0);
        assertPoints("WITHDRAWN", null, "ENTERPRISE", null, "COMPETITION_LOST", 0);
        assertPoints("DECLINED", null, "MID_MARKET", null, null, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            OFFERED
            REMINDED
            NOTIFIED
            CONTACT_ATTEMPTED
            SUPPORT_REQUESTED
            LATE_UPDATE_REFUSED
            """)
    void stepsThatEarnNothingMatchNoRow(String eventType) {
        DmnDecisionResult result = DMN.evaluate("rewardPoints", inputs(eventType, true, "ENTERPRISE", 500_000.0,
                "CHANNEL_MANAGER"));

        assertThat(result.getResultList()).isEmpty();
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static void assertPoints(String eventType, Boolean onTime, String segment, Double dealValue,
            String withdrawalReason, int points) {
        var result = DMN.evaluateSingle("rewardPoints", inputs(eventType, onTime, segment, dealValue, withdrawalReason));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("points", points));
    }

    private static VariableMap inputs(String eventType, Boolean onTime, String segment,
            Double dealValue, String withdrawalReason) {
        return Variables.createVariables()
                .putValue("eventType", eventType)
                .putValue("onTime", onTime)
                .putValue("segment", segment)
                .putValue("dealValue", dealValue)
                .putValue("withdrawalReason", withdrawalReason);
    }
}

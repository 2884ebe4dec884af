package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code partner-standing.dmn}: good, warned or suspended after a strike, and whether a
 * suspension ends by itself. "unknown" is an acceptance rate of a partner with fewer than 5 offers.
 */
class PartnerStandingDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("partner-standing.dmn");

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            0,  15, unknown
            5,  15, 0.9
            12, 40, 0.1
            """)
    void leavesARepeatOffenderSuspendedUntilAChannelManagerReinstatesIt(int strikes30, int strikes90,
            Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "SUSPENDED", null);
    }

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            5,  5,  unknown
            9,  14, 0.2
            """)
    void suspendsForTwoWeeksAfterFiveStrikesInAMonth(int strikes30, int strikes90, Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "SUSPENDED", "P14D");
    }

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            0, 10, unknown
            4, 14, 0.95
            """)
    void suspendsForTwoWeeksAfterTenStrikesInAQuarter(int strikes30, int strikes90, Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "SUSPENDED", "P14D");
    }

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            2, 2, unknown
            4, 9, 0.8
            """)
    void warnsAfterTwoStrikesInAMonth(int strikes30, int strikes90, Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "WARNED", null);
    }

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            0, 4, unknown
            1, 9, 1.0
            """)
    void warnsAfterFourStrikesInAQuarter(int strikes30, int strikes90, Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "WARNED", null);
    }

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(textBlock = """
            0, 0, 0.0
            1, 3, 0.49
            """)
    void warnsAPartnerThatAcceptsFewerThanHalfOfItsOffers(int strikes30, int strikes90, Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "WARNED", null);
    }

    @ParameterizedTest(name = "{0} strikes in 30 days, {1} in 90, acceptance {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            0, 0, unknown
            1, 1, 0.5
            1, 3, 1.0
            0, 3, unknown
            """)
    void keepsAPartnerWithAnOccasionalMissInGoodStanding(int strikes30, int strikes90, Double acceptanceRate) {
        assertStanding(strikes30, strikes90, acceptanceRate, "GOOD", null);
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static void assertStanding(int strikes30, int strikes90, Double acceptanceRate, String standing,
            String probation) {
        var result = DMN.evaluateSingle("partnerStanding", Variables.createVariables()
                .putValue("strikes30", strikes30)
                .putValue("strikes90", strikes90)
                .putValue("acceptanceRate", acceptanceRate));

        // An empty output cell yields no entry at all: the application reads it as "no probation".
        Map<String, Object> expected = new HashMap<>();
        expected.put("standing", standing);
        if (probation != null) {
            expected.put("probation", probation);
        }
        assertThat(result.getEntryMap()).isEqualTo(expected);
    }
}

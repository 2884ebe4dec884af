package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code partner-eligibility.dmn} (hit policy COLLECT): every matching row adds one requirement.
 * The expected result is written as the matched rows in table order, separated by {@code |}, each
 * row as the outputs it sets ({@code output=value}, several joined with {@code &}); outputs a row
 * leaves empty must be absent from it.
 */
class PartnerEligibilityDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("partner-eligibility.dmn");

    @ParameterizedTest(name = "{0} grade {4} in {3}")
    @CsvSource(nullValues = "unknown", textBlock = """
            SMB,        unknown, unknown, DE, C, territory=DE | minimumTier=REGISTERED
            MID_MARKET, Retail,  unknown, FR, A, territory=FR | minimumTier=SILVER
            ENTERPRISE, Retail,  unknown, GB, B, territory=GB | minimumTier=GOLD
            ENTERPRISE, Retail,  unknown, US, A, territory=US | minimumTier=GOLD | minimumTier=PLATINUM
            SMB,        unknown, unknown, US, A, territory=US | minimumTier=REGISTERED | openCompetition=true & competitors=3
            """)
    void requiresTheLeadsTerritoryAndATierBySegmentAndGrade(String segment, String industry, String product,
            String country, String grade, String expectedRows) {
        assertRequirements(segment, industry, product, country, grade, expectedRows);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            SMB, unknown, Cloud Platform, DE, C, territory=DE | minimumTier=REGISTERED | competency=Cloud
            SMB, unknown, Security Suite, DE, C, territory=DE | minimumTier=REGISTERED | competency=Security
            SMB, unknown, Networking,     DE, C, territory=DE | minimumTier=REGISTERED | competency=Networking
            SMB, unknown, Data Analytics, DE, C, territory=DE | minimumTier=REGISTERED | competency=Analytics
            SMB, unknown, Collaboration,  DE, C, territory=DE | minimumTier=REGISTERED
            """)
    void requiresTheCompetencyOfTheProduct(String segment, String industry, String product,
            String country, String grade, String expectedRows) {
        assertRequirements(segment, industry, product, country, grade, expectedRows);
    }

    @ParameterizedTest(name = "{1} in {3}")
    @CsvSource(nullValues = "unknown", textBlock = """
            MID_MARKET, Healthcare,         unknown, US, B, territory=US | minimumTier=SILVER | certification=HIPAA
            MID_MARKET, Financial Services, unknown, GB, B, territory=GB | minimumTier=SILVER | certification=PCI-DSS
            MID_MARKET, Public Sector,      unknown, US, B, territory=US | minimumTier=SILVER | certification=FedRAMP
            MID_MARKET, Public Sector,      unknown, DE, B, territory=DE | minimumTier=SILVER
            MID_MARKET, unknown,            unknown, US, B, territory=US | minimumTier=SILVER
            """)
    void requiresTheCertificationsOfRegulatedIndustries(String segment, String industry, String product,
            String country, String grade, String expectedRows) {
        assertRequirements(segment, industry, product, country, grade, expectedRows);
    }

    @ParameterizedTest(name = "{0} grade {4}, {1}, {2} in {3}")
    @CsvSource(nullValues = "unknown", textBlock = """
            ENTERPRISE, Public Sector, Data Analytics, US, A, territory=US | minimumTier=GOLD | minimumTier=PLATINUM | competency=Analytics | certification=FedRAMP
            ENTERPRISE, Healthcare,    Cloud Platform, CH, A, territory=CH | minimumTier=GOLD | minimumTier=PLATINUM | competency=Cloud | certification=HIPAA
            """)
    void combinesEveryRequirementThatApplies(String segment, String industry, String product,
            String country, String grade, String expectedRows) {
        assertRequirements(segment, industry, product, country, grade, expectedRows);
    }

    @Test
    void requiresNoTerritoryWhenTheCountryIsUnknown() {
        var result = DMN.evaluate("partnerEligibility", Variables.createVariables()
                .putValue("segment", "SMB")
                .putValue("industry", null)
                .putValue("product", null)
                .putValue("country", null)
                .putValue("grade", "B"));

        assertThat(result.getResultList()).hasSize(3);
        assertThat(result.getResultList().get(0)).containsOnlyKeys("territory").containsEntry("territory", null);
        assertThat(result.getResultList().get(1)).isEqualTo(Map.of("minimumTier", "REGISTERED"));
        assertThat(result.getResultList().get(2)).isEqualTo(Map.of("openCompetition", true, "competitors", 3));
    }

    @ParameterizedTest(name = "{0} grade {4}")
    @CsvSource(nullValues = "unknown", textBlock = """
            SMB,        unknown, unknown, FR, B, territory=FR | minimumTier=REGISTERED | openCompetition=true & competitors=3
            SMB,        unknown, unknown, FR, C, territory=FR | minimumTier=REGISTERED
            MID_MARKET, unknown, unknown, FR, A, territory=FR | minimumTier=SILVER
            """)
    void racesHotSmallBusinessLeadsAmongThreePartners(String segment, String industry, String product,
            String country, String grade, String expectedRows) {
        assertRequirements(segment, industry, product, country, grade, expectedRows);
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static void assertRequirements(String segment, String industry, String product, String country,
            String grade, String expectedRows) {
        var result = DMN.evaluate("partnerEligibility", Variables.createVariables()
                .putValue("segment", segment)
                .putValue("industry", industry)
                .putValue("product", product)
                .putValue("country", country)
                .putValue("grade", grade));

        assertThat(result.getResultList()).isEqualTo(rows(expectedRows));
    }

    /** Booleans and whole numbers as the table's typed outputs give them; everything else as text. */
    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        return value.matches("\\d+") ? (Object) Integer.valueOf(value) : value;
    }

    private static List<Map<String, Object>> rows(String expectedRows) {
        return Arrays.stream(expectedRows.split("\\|"))
                .map(row -> Arrays.stream(row.split("&"))
                        .map(entry -> entry.trim().split("=", 2))
                        .collect(Collectors.<String[], String, Object>toMap(e -> e[0], e -> typed(e[1]))))
                .toList();
    }
}

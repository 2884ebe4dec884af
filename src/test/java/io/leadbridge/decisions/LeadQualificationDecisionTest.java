package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code lead-qualification.dmn}: the DRD of "Lead segment" and "Lead grade" feeding "Lead
 * qualification". The segment and grade tables are also evaluated on their own to pin their
 * boundaries; the routing cases evaluate {@code leadQualification} exactly as the application does.
 */
class LeadQualificationDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("lead-qualification.dmn");

    @ParameterizedTest(name = "{0} employees, USD {1} revenue -> {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            1000,    unknown,      ENTERPRISE
            5000,    1000,         ENTERPRISE
            999,     unknown,      MID_MARKET
            unknown, 250000000,    ENTERPRISE
            40,      250000000,    ENTERPRISE
            500,     300000000,    ENTERPRISE
            unknown, 249999999.99, MID_MARKET
            100,     unknown,      MID_MARKET
            99,      unknown,      SMB
            unknown, 20000000,     MID_MARKET
            10,      20000000,     MID_MARKET
            unknown, 19999999.99,  SMB
            99,      19999999.99,  SMB
            1,       0,            SMB
            """)
    void segmentsCompaniesByHeadcountOrRevenue(Integer employees, Double annualRevenue, String segment) {
        var result = DMN.evaluateSingle("leadSegment", Variables.createVariables()
                .putValue("employees", employees)
                .putValue("annualRevenue", annualRevenue));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("segment", segment));
    }

    @Test
    void treatsCompaniesOfUnknownSizeAsSmallBusinesses() {
        var result = DMN.evaluateSingle("leadSegment", Variables.createVariables()
                .putValue("employees", null)
                .putValue("annualRevenue", null));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("segment", "SMB"));
    }

    @ParameterizedTest(name = "score {0} -> grade {1}")
    @CsvSource(nullValues = "unknown", textBlock = """
            100,     A
            80,      A
            79,      B
            60,      B
            59,      C
            40,      C
            39,      D
            15,      D
            0,       D
            unknown, D
            """)
    void gradesLeadsByScoreAndUnscoredLeadsAsD(Integer score, String grade) {
        var result = DMN.evaluateSingle("leadGrade", Variables.createVariables().putValue("score", score));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("grade", grade));
    }

    @ParameterizedTest(name = "{0}, score {2} -> {7}")
    @CsvSource(nullValues = "unknown", textBlock = """
            CU, Cloud Platform, 50, 20,      unknown,    SMB,        C, DISQUALIFY
            IR, Security Suite, 95, 5000,    unknown,    ENTERPRISE, A, DISQUALIFY
            KP, Networking,     10, unknown, unknown,    SMB,        D, DISQUALIFY
            SY, Data Analytics, 65, 150,     unknown,    MID_MARKET, B, DISQUALIFY
            """)
    void disqualifiesLeadsFromEmbargoedCountries(String country, String product, Integer score, Integer employees,
            Double annualRevenue, String segment, String grade, String route) {
        assertQualification(country, product, score, employees, annualRevenue, segment, grade, route);
    }

    @ParameterizedTest(name = "score {2} -> {7}")
    @CsvSource(nullValues = "unknown", textBlock = """
            DE, Cloud Platform, 0,  unknown, unknown,   SMB,        D, DISQUALIFY
            US, Security Suite, 14, 5000,    unknown,   ENTERPRISE, D, DISQUALIFY
            GB, Networking,     14, unknown, 30000000,  MID_MARKET, D, DISQUALIFY
            """)
    void disqualifiesJunkScoresBelow15(String country, String product, Integer score, Integer employees,
            Double annualRevenue, String segment, String grade, String route) {
        assertQualification(country, product, score, employees, annualRevenue, segment, grade, route);
    }

    @ParameterizedTest(name = "score {2}, {5} -> {7}")
    @CsvSource(nullValues = "unknown", textBlock = """
            DE, Cloud Platform, 15,      unknown, unknown,  SMB,        D, NURTURE
            US, Security Suite, 39,      5000,    unknown,  ENTERPRISE, D, NURTURE
            FR, Networking,     20,      150,     unknown,  MID_MARKET, D, NURTURE
            NL, Data Analytics, unknown, 50,      unknown,  SMB,        D, NURTURE
            """)
    void nurturesLeadsTooEarlyForSales(String country, String product, Integer score, Integer employees,
            Double annualRevenue, String segment, String grade, String route) {
        assertQualification(country, product, score, employees, annualRevenue, segment, grade, route);
    }

    @ParameterizedTest(name = "score {2}, {5} -> {7}")
    @CsvSource(nullValues = "unknown", textBlock = """
            DE, Cloud Platform, 40, 99,      unknown,     SMB, C, INSIDE_SALES
            US, Networking,     59, unknown, 19999999.99, SMB, C, INSIDE_SALES
            GB, Data Analytics, 50, unknown, unknown,     SMB, C, INSIDE_SALES
            """)
    void routesSmallLukewarmLeadsToInsideSales(String country, String product, Integer score, Integer employees,
            Double annualRevenue, String segment, String grade, String route) {
        assertQualification(country, product, score, employees, annualRevenue, segment, grade, route);
    }

    @ParameterizedTest(name = "score {2}, {5} -> {7}")
    @CsvSource(nullValues = "unknown", textBlock = """
            DE, Cloud Platform, 60,  99,      unknown,   SMB,        B, PARTNER
            US, Security Suite, 80,  10,      unknown,   SMB,        A, PARTNER
            GB, Networking,     59,  100,     unknown,   MID_MARKET, C, PARTNER
            FR, Data Analytics, 45,  unknown, 250000000, ENTERPRISE, C, PARTNER
            JP, Cloud Platform, 79,  999,     unknown,   MID_MARKET, B, PARTNER
            US, Security Suite, 100, 1000,    unknown,   ENTERPRISE, A, PARTNER
            """)
    void routesEveryOtherQualifiedLeadToPartners(String country, String product, Integer score, Integer employees,
            Double annualRevenue, String segment, String grade, String route) {
        assertQualification(country, product, score, employees, annualRevenue, segment, grade, route);
    }

    @Test
    void explainsEveryDecisionAndRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleOfEveryTableIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static void assertQualification(String country, String product, Integer score, Integer employees,
            Double annualRevenue, String segment, String grade, String route) {
        var result = DMN.evaluateSingle("leadQualification", Variables.createVariables()
                .putValue("score", score)
                .putValue("employees", employees)
                .putValue("annualRevenue", annualRevenue)
                .putValue("country", country)
                .putValue("product", product));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("segment", segment, "grade", grade, "route", route));
    }
}

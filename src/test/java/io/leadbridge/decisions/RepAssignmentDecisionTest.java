package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rep-assignment.dmn}: which profile fields a rep must match, and when lead managers dispatch by hand. */
class RepAssignmentDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("rep-assignment.dmn");

    @ParameterizedTest(name = "{4} lead in {0} -> territory {6}, product {7}, industry {8}, language {9}, by hand {10}")
    @CsvSource(nullValues = "unknown", textBlock = """
            US, US-CA,   Cloud Platform, Retail,  ENTERPRISE, en,      true, true, true,  true, true
            DE, unknown, Analytics,      unknown, ENTERPRISE, unknown, true, true, true,  true, true
            US, US-NY,   Cloud Platform, Finance, MID_MARKET, en,      true, true, true,  true, false
            GB, unknown, Security Suite, unknown, MID_MARKET, unknown, true, true, true,  true, false
            US, US-TX,   Cloud Platform, Retail,  SMB,        es,      true, true, false, true, false
            FR, unknown, unknown,        unknown, unknown,    unknown, true, true, false, true, false
            """)
    void saysWhatARepMustMatchAndWhenManagersDispatchByHand(String country, String region, String product,
            String industry, String segment, String language, boolean matchTerritory, boolean matchProduct,
            boolean matchIndustry, boolean matchLanguage, boolean managersDispatch) {
        var result = DMN.evaluateSingle("repAssignment", Variables.createVariables()
                .putValue("country", country).putValue("region", region).putValue("product", product)
                .putValue("industry", industry).putValue("segment", segment).putValue("language", language));

        assertThat(result.getEntryMap()).isEqualTo(Map.of("matchTerritory", matchTerritory,
                "matchProduct", matchProduct, "matchIndustry", matchIndustry, "matchLanguage", matchLanguage,
                "managersDispatch", managersDispatch));
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }
}

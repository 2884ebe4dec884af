package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code follow-on.dmn}: what a customer buys next after each product of a won deal, when, and who keeps it. */
class FollowOnDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("follow-on.dmn");

    @ParameterizedTest(name = "{0}, {1}, {2}, {3} months -> {4} after {5} months, {6} days")
    @CsvSource(nullValues = "unknown", textBlock = """
            Cloud Platform, ENTERPRISE, Retail,        0,  Security Suite, 6,  90
            Cloud Platform, MID_MARKET, unknown,       23, Security Suite, 6,  90
            Cloud Platform, SMB,        Retail,        3,  Data Analytics, 9,  60
            Cloud Platform, ENTERPRISE, Retail,        24, Cloud Platform, 24, 60
            Cloud Platform, SMB,        unknown,       36, Cloud Platform, 24, 60
            Security Suite, SMB,        Retail,        1,  Security Suite, 12, 120
            Security Suite, unknown,    unknown,       40, Security Suite, 12, 120
            Networking,     MID_MARKET, Manufacturing, 2,  Cloud Platform, 12, 90
            Networking,     SMB,        Healthcare,    30, Cloud Platform, 12, 90
            """)
    void namesTheFollowOnProductWhenToOfferItAndHowLongTheWinnerIsProtected(String productBought, String segment,
            String industry, int monthsSinceWin, String followOnProduct, int offerAfterMonths, int protectionDays) {
        DmnDecisionResult result = evaluate(productBought, segment, industry, monthsSinceWin);

        assertThat(result.getResultList()).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsEntry("followOnProduct", followOnProduct)
                .containsEntry("offerAfterMonths", offerAfterMonths).containsEntry("protectionDays", protectionDays);
    }

    @ParameterizedTest(name = "{0}, {1}, {2} -> none")
    @CsvSource(nullValues = "unknown", textBlock = """
            Data Analytics, ENTERPRISE, Retail
            Networking,     SMB,        Retail
            Networking,     ENTERPRISE, unknown
            Cloud Platform, unknown,    Retail
            """)
    void productsWithoutARowHaveNoFollowOn(String productBought, String segment, String industry) {
        assertThat(evaluate(productBought, segment, industry, 6).getResultList()).isEmpty();
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static DmnDecisionResult evaluate(String productBought, String segment, String industry,
            int monthsSinceWin) {
        return DMN.evaluate("followOn", Variables.createVariables().putValue("productBought", productBought)
                .putValue("segment", segment).putValue("industry", industry)
                .putValue("monthsSinceWin", monthsSinceWin));
    }
}

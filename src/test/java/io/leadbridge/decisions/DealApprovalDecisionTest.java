package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code deal-approval.dmn}: what happens to a deal registration after the conflict check. */
class DealApprovalDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("deal-approval.dmn");

    @ParameterizedTest(name = "{0}, {1}, {2} -> {3}")
    @CsvSource(nullValues = "none", textBlock = """
            OPEN_LEAD_OF_ANOTHER_PARTNER,  10000,  PLATINUM,   REVIEW,  none, P2D, P90D, P30D
            OPEN_DEAL_OF_ANOTHER_PARTNER,  900000, REGISTERED, REVIEW,  none, P2D, P90D, P30D
            NONE,                          250000, PLATINUM,   REVIEW,  none, P2D, P90D, P30D
            NONE,                          249999, GOLD,       APPROVE, none, none, P90D, P30D
            NONE,                          100000, PLATINUM,   APPROVE, none, none, P90D, P30D
            NONE,                          49999,  SILVER,     APPROVE, none, none, P60D, P21D
            NONE,                          49999,  REGISTERED, APPROVE, none, none, P60D, P21D
            NONE,                          50000,  SILVER,     REVIEW,  none, P3D, P60D, P21D
            NONE,                          249999, REGISTERED, REVIEW,  none, P3D, P60D, P21D
            """)
    void decidesEachRegistrationByConflictAmountAndTier(String conflict, double amount, String tier, String outcome,
            String reason, String reviewSla, String protectionPeriod, String staleAfter) {
        var result = DMN.evaluateSingle("dealApproval", Variables.createVariables()
                .putValue("conflict", conflict)
                .putValue("amount", amount)
                .putValue("partnerTier", tier));

        // An empty cell gives no output at all.
        Map<String, Object> expected = new HashMap<>();
        expected.put("outcome", outcome);
        expected.put("reason", reason);
        expected.put("reviewSla", reviewSla);
        expected.put("protectionPeriod", protectionPeriod);
        expected.put("staleAfter", staleAfter);
        expected.values().removeIf(java.util.Objects::isNull);
        assertThat(result.getEntryMap()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> REJECT")
    @CsvSource(delimiter = '|', textBlock = """
            PROTECTED_FOR_ANOTHER_PARTNER | Another partner is already protected on this account for these products.
            DUPLICATE                     | Your company has already registered this deal; it is still open or approved.
            """)
    void rejectsAConflictWithAReasonForThePartnerWhateverTheAmountOrTier(String conflict, String reason) {
        for (String tier : new String[] {"REGISTERED", "PLATINUM"}) {
            var result = DMN.evaluateSingle("dealApproval", Variables.createVariables()
                    .putValue("conflict", conflict).putValue("amount", 10_000.0).putValue("partnerTier", tier));
            assertThat(result.getEntryMap()).isEqualTo(Map.of("outcome", "REJECT", "reason", reason));
        }
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

package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sla-policy.dmn}: deadlines and reminders per offer, the review time of a support request, the
 * status update cadence with its escalation, and when the customer is asked. Every case also checks that each
 * reminder fires before its SLA expires.
 */
class SlaPolicyDecisionTest {

    private static final DecisionTableHarness DMN = DecisionTableHarness.load("sla-policy.dmn");

    @ParameterizedTest(name = "{0} grade {1}, attempt {2}")
    @CsvSource(textBlock = """
            SMB,        A, 2, PT1H, PT2H, PT6H, PT12H, 3, PT4H, R/P3D, 2, P3D
            ENTERPRISE, A, 3, PT1H, PT2H, PT6H, PT12H, 3, PT4H, R/P3D, 2, P3D
            MID_MARKET, A, 2, PT1H, PT2H, PT6H, PT12H, 3, PT4H, R/P3D, 2, P3D
            """)
    void halvesTheDeadlinesForHotLeadsThatAlreadyLostTime(String segment, String grade, Integer attempt,
            String acceptReminder, String acceptSla, String contactReminder, String contactSla, int maxAttempts,
            String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate, String customerCheckAfter) {
        assertPolicy(segment, grade, attempt, acceptReminder, acceptSla, contactReminder, contactSla, maxAttempts,
                supportSla, statusUpdateCycle, missedUpdatesToEscalate, customerCheckAfter);
    }

    @ParameterizedTest(name = "{0} grade {1}, attempt {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            SMB,        A, 1,       PT2H, PT4H, PT12H, P1D, 3, PT4H, R/P3D, 2, P3D
            ENTERPRISE, A, 1,       PT2H, PT4H, PT12H, P1D, 3, PT4H, R/P3D, 2, P3D
            MID_MARKET, A, unknown, PT2H, PT4H, PT12H, P1D, 3, PT4H, R/P3D, 2, P3D
            """)
    void givesHotLeadsHoursToAcceptOnTheFirstOffer(String segment, String grade, Integer attempt,
            String acceptReminder, String acceptSla, String contactReminder, String contactSla, int maxAttempts,
            String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate, String customerCheckAfter) {
        assertPolicy(segment, grade, attempt, acceptReminder, acceptSla, contactReminder, contactSla, maxAttempts,
                supportSla, statusUpdateCycle, missedUpdatesToEscalate, customerCheckAfter);
    }

    @ParameterizedTest(name = "{0} grade {1}, attempt {2}")
    @CsvSource(textBlock = """
            ENTERPRISE, B, 1, PT4H, PT8H, P1D, P2D, 3, PT8H, R/P7D, 2, P5D
            ENTERPRISE, D, 2, PT4H, PT8H, P1D, P2D, 3, PT8H, R/P7D, 2, P5D
            """)
    void givesEnterpriseLeadsAWorkingDay(String segment, String grade, Integer attempt,
            String acceptReminder, String acceptSla, String contactReminder, String contactSla, int maxAttempts,
            String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate, String customerCheckAfter) {
        assertPolicy(segment, grade, attempt, acceptReminder, acceptSla, contactReminder, contactSla, maxAttempts,
                supportSla, statusUpdateCycle, missedUpdatesToEscalate, customerCheckAfter);
    }

    @ParameterizedTest(name = "{0} grade {1}, attempt {2}")
    @CsvSource(textBlock = """
            MID_MARKET, B, 1, PT12H, P1D, P1D, P3D, 3, PT8H, R/P7D, 2, P5D
            MID_MARKET, C, 2, PT12H, P1D, P1D, P3D, 3, PT8H, R/P7D, 2, P5D
            """)
    void givesMidMarketLeadsADayToAccept(String segment, String grade, Integer attempt,
            String acceptReminder, String acceptSla, String contactReminder, String contactSla, int maxAttempts,
            String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate, String customerCheckAfter) {
        assertPolicy(segment, grade, attempt, acceptReminder, acceptSla, contactReminder, contactSla, maxAttempts,
                supportSla, statusUpdateCycle, missedUpdatesToEscalate, customerCheckAfter);
    }

    @ParameterizedTest(name = "{0} grade {1}, attempt {2}")
    @CsvSource(nullValues = "unknown", textBlock = """
            SMB,     B,       1,       P1D, P2D, P2D, P5D, 2, PT8H, R/P14D, 3, P7D
            SMB,     C,       2,       P1D, P2D, P2D, P5D, 2, PT8H, R/P14D, 3, P7D
            SMB,     D,       1,       P1D, P2D, P2D, P5D, 2, PT8H, R/P14D, 3, P7D
            unknown, unknown, unknown, P1D, P2D, P2D, P5D, 2, PT8H, R/P14D, 3, P7D
            """)
    void givesEveryOtherLeadTheStandardSlaAndTwoAttempts(String segment, String grade, Integer attempt,
            String acceptReminder, String acceptSla, String contactReminder, String contactSla, int maxAttempts,
            String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate, String customerCheckAfter) {
        assertPolicy(segment, grade, attempt, acceptReminder, acceptSla, contactReminder, contactSla, maxAttempts,
                supportSla, statusUpdateCycle, missedUpdatesToEscalate, customerCheckAfter);
    }

    @ParameterizedTest(name = "{0} grade {1}, attempt {2}: a rep has {3} of the partner's {4}")
    @CsvSource(nullValues = "unknown", textBlock = """
            SMB,        A,       2,       PT30M, PT2H
            SMB,        A,       1,       PT1H,  PT4H
            ENTERPRISE, B,       1,       PT2H,  PT8H
            MID_MARKET, B,       1,       PT4H,  P1D
            unknown,    unknown, unknown, PT8H,  P2D
            """)
    void aRepHasAShorterTimeThanItsPartner(String segment, String grade, Integer attempt, String repAcceptSla,
            String acceptSla) {
        var result = DMN.evaluateSingle("slaPolicy", Variables.createVariables()
                .putValue("segment", segment)
                .putValue("grade", grade)
                .putValue("attempt", attempt));

        assertThat(result.getEntryMap()).containsEntry("repAcceptSla", repAcceptSla)
                .containsEntry("acceptSla", acceptSla);
        assertThat(Duration.parse(repAcceptSla)).as("the offer moves on inside the partner before its deadline")
                .isLessThan(Duration.parse(acceptSla));
    }

    @Test
    void explainsEveryRuleToBusinessReaders() {
        DMN.assertReadableByBusinessUsers();
    }

    @AfterAll
    static void everyRuleIsCoveredByACase() {
        DMN.assertEveryRuleWasMatched();
    }

    private static void assertPolicy(String segment, String grade, Integer attempt, String acceptReminder,
            String acceptSla, String contactReminder, String contactSla, int maxAttempts,
            String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate, String customerCheckAfter) {
        var result = DMN.evaluateSingle("slaPolicy", Variables.createVariables()
                .putValue("segment", segment)
                .putValue("grade", grade)
                .putValue("attempt", attempt));

        // The inside SLA (repAcceptSla) is checked per row in aRepHasAShorterTimeThanItsPartner.
        Map<String, Object> entries = new java.util.HashMap<>(result.getEntryMap());
        assertThat(entries.remove("repAcceptSla")).isNotNull();
        assertThat(entries).isEqualTo(Map.of(
                "acceptReminder", acceptReminder,
                "acceptSla", acceptSla,
                "contactReminder", contactReminder,
                "contactSla", contactSla,
                "maxAttempts", maxAttempts,
                "supportSla", supportSla,
                "statusUpdateCycle", statusUpdateCycle,
                "missedUpdatesToEscalate", missedUpdatesToEscalate,
                "customerCheckAfter", customerCheckAfter,
                // Every shipped row counts calendar time; an analyst switches a row to "working".
                "clock", "calendar"));
        assertThat(Duration.parse(acceptReminder)).as("accept reminder before the accept SLA")
                .isLessThan(Duration.parse(acceptSla));
        assertThat(Duration.parse(contactReminder)).as("contact reminder before the contact SLA")
                .isLessThan(Duration.parse(contactSla));
        assertThat(Duration.parse(supportSla)).as("support requests are answered within a working day")
                .isPositive().isLessThanOrEqualTo(Duration.ofHours(8));
        assertThat(Duration.parse(customerCheckAfter)).as("the customer is asked only after the contact SLA")
                .isGreaterThanOrEqualTo(Duration.parse(contactSla));
        assertThat(statusUpdateCycle).as("status updates repeat until the lead is closed").matches("R/P\\d+D");
        assertThat(missedUpdatesToEscalate).isPositive();
    }
}

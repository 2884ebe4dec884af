package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadbridge.reporting.FairnessReport.Verdict;
import io.leadbridge.reporting.RulesDecisionHistory.RulesDecision;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic of the fairness report and where "clearly" starved or flooded begins. */
class FairnessTallyTest {

    @ParameterizedTest(name = "received {0} of {1} entitled: {2}")
    @CsvSource({
            "0, 1.9, FAIR",       // the whole share missed, but less than 2 leads
            "0, 2.0, STARVED",    // 2 leads and all of them
            "8, 10.0, STARVED",   // 2 leads and 20 %
            "9, 10.0, FAIR",      // 1 lead short
            "90, 100.0, FAIR",    // 10 leads short, but only 10 %
            "80, 100.0, STARVED", // 20 leads and 20 %
            "12, 10.0, FLOODED",
            "11, 10.0, FAIR",
            "2, 0.0, FLOODED",    // never entitled (cut candidate list), yet 2 leads
            "1, 0.0, FAIR"})
    void aVerdictNeedsAClearDriftInLeadsAndInShare(long received, double entitled, Verdict verdict) {
        assertThat(FairnessTally.verdict(received, entitled)).isEqualTo(verdict);
    }

    @Test
    void aDriftOfExactlyTheThresholdIsClearDespiteRoundingInTheSumOfShares() {
        FairnessTally tally = new FairnessTally();
        List<Candidate> thirds = List.of(new Candidate("a", 1, null), new Candidate("b", 1, null),
                new Candidate("c", 1, null));
        for (int i = 0; i < 30; i++) {
            tally.add(new RulesDecision(i, i < 12 ? "a" : "b", thirds, 0));
        }
        // c: entitled 30 × 1/3 = 10 (as a sum of doubles, not exactly), received 0. a: 12 − 10 = 2, 20 %.
        assertThat(tally.partners().get("c").entitled).isCloseTo(10.0, within(1e-9));
        assertThat(FairnessTally.verdict(tally.partners().get("a").received, tally.partners().get("a").entitled))
                .isEqualTo(Verdict.FLOODED);
    }

    @Test
    void skippedCandidatesAreNotEntitledAndDecisionsWithoutAWinnerEntitleNobody() {
        FairnessTally tally = new FairnessTally();
        tally.add(new RulesDecision(1, "a", List.of(new Candidate("a", 30, null), new Candidate("b", 10, null),
                new Candidate("c", 20, "at capacity (5 of 5 open leads)"), new Candidate("d", 0, "weight 0")), 0));
        tally.add(new RulesDecision(2, null, List.of(new Candidate("a", null, "already had this lead")), 0));
        tally.add(new RulesDecision(1, "b", List.of(new Candidate("a", 30, null), new Candidate("b", 10, null)), 3));

        assertThat(tally.partners()).containsOnlyKeys("a", "b");
        assertThat(tally.partners().get("a").entitled).isCloseTo(1.5, within(1e-9));
        assertThat(tally.partners().get("b").entitled).isCloseTo(0.5, within(1e-9));
        assertThat(tally.partners().get("b").received).isEqualTo(1);
        assertThat(tally.decisions()).isEqualTo(2);
        assertThat(tally.decisionsWithoutPartner()).isEqualTo(1);
        assertThat(tally.leadsRouted()).as("the same lead offered twice").isEqualTo(1);
        assertThat(tally.decisionsWithCompetitorsLeftOut()).isEqualTo(1);
    }
}

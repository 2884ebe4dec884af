package io.leadbridge.reporting;

import io.leadbridge.reporting.FairnessReport.Verdict;
import io.leadbridge.reporting.RulesDecisionHistory.RulesDecision;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts, in one pass over a period's rules decisions, what each competing partner received and
 * what it was entitled to. In a decision, the partners that competed (candidates without a skip
 * reason) share one lead by weight: each is entitled to its weight / the sum of their weights.
 * Partners skipped for capacity, suspension, territory and so on were not entitled to that lead.
 */
final class FairnessTally {

    /** A partner's drift is clear once it is at least this many leads... */
    static final double CLEAR_DRIFT_LEADS = 2.0;
    /** ...and at least this share of what it was entitled to. */
    static final double CLEAR_DRIFT_SHARE = 0.2;
    static final String VERDICT_RULE = "STARVED when drift <= -" + (int) CLEAR_DRIFT_LEADS + " leads and driftShare <= -"
            + CLEAR_DRIFT_SHARE + "; FLOODED when drift >= " + (int) CLEAR_DRIFT_LEADS + " and driftShare >= "
            + CLEAR_DRIFT_SHARE + "; FAIR otherwise";
    /** Sums of many shares are not exact: a drift of exactly 2 must not come out as 1.9999999. */
    private static final double EPSILON = 1e-9;

    /** What one partner received and was entitled to so far. */
    static final class Share {
        long received;
        double entitled;
    }

    private final Map<String, Share> partners = new HashMap<>();
    private final Set<Long> leads = new HashSet<>();
    private long decisions;
    private long withoutPartner;
    private long competitorsLeftOut;

    void add(RulesDecision decision) {
        if (decision.winner() == null) {
            withoutPartner++;
            return;
        }
        decisions++;
        leads.add(decision.leadId());
        long totalWeight = 0;
        boolean allCompeted = true;
        for (Candidate c : decision.candidates()) {
            if (competed(c)) {
                totalWeight += c.weight();
            } else {
                allCompeted = false;
            }
        }
        // Competitors are stored first: a cut list without skipped partners may have lost some.
        if (decision.candidatesLeftOut() > 0 && allCompeted) {
            competitorsLeftOut++;
        }
        for (Candidate c : decision.candidates()) {
            if (competed(c)) {
                share(c.partnerId()).entitled += (double) c.weight() / totalWeight;
            }
        }
        share(decision.winner()).received++;
    }

    Map<String, Share> partners() {
        return partners;
    }

    long decisions() {
        return decisions;
    }

    long decisionsWithoutPartner() {
        return withoutPartner;
    }

    long leadsRouted() {
        return leads.size();
    }

    long decisionsWithCompetitorsLeftOut() {
        return competitorsLeftOut;
    }

    /**
     * STARVED or FLOODED only when the drift is clear both in leads and relative to the share:
     * two leads short of an entitlement of 100 is noise, and so is one lead short of 1.5.
     */
    static Verdict verdict(long received, double entitled) {
        double drift = received - entitled;
        double driftShare = entitled > 0 ? drift / entitled : Math.signum(drift) * Double.MAX_VALUE;
        boolean clear = Math.abs(drift) >= CLEAR_DRIFT_LEADS - EPSILON
                && Math.abs(driftShare) >= CLEAR_DRIFT_SHARE - EPSILON;
        if (!clear) {
            return Verdict.FAIR;
        }
        return drift < 0 ? Verdict.STARVED : Verdict.FLOODED;
    }

    private Share share(String partnerId) {
        return partners.computeIfAbsent(partnerId, id -> new Share());
    }

    private static boolean competed(Candidate c) {
        return c.skipped() == null && c.weight() != null && c.weight() > 0;
    }
}

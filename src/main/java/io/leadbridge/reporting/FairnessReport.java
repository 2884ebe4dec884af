package io.leadbridge.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How fairly the rules shared out leads in a period: per partner that competed in at least one
 * rules decision, the leads it received against the leads its weights entitled it to.
 */
public record FairnessReport(Period period, Totals totals, String verdictRule, List<PartnerFairness> partners) {

    /** The period covered: decisions taken at or after {@code from} and before {@code to}. */
    public record Period(Instant from, Instant to) {
    }

    /**
     * {@code decisions}: rules decisions that chose a partner; {@code decisionsWithoutPartner}:
     * rules decisions where no partner was eligible; {@code leadsRouted}: the distinct leads of
     * the decisions that chose a partner; {@code decisionsWithCompetitorsLeftOut}: decisions with
     * more competitors than the routing record keeps, counted over the competitors it kept.
     */
    public record Totals(long decisions, long decisionsWithoutPartner, long leadsRouted,
            long decisionsWithCompetitorsLeftOut) {
    }

    /**
     * One partner: {@code received} leads it won, {@code entitled} the sum over the decisions it
     * competed in of its weight / all competitors' weight, {@code drift} = received − entitled,
     * {@code driftShare} = drift / entitled.
     */
    public record PartnerFairness(String partnerId, String name, String tier, long received, BigDecimal entitled,
            BigDecimal drift, BigDecimal driftShare, Verdict verdict) {
    }

    /** Whether a partner got clearly fewer leads than its weights entitled it to, clearly more, or about its share. */
    public enum Verdict { STARVED, FAIR, FLOODED }
}

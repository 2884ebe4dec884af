package io.leadbridge.standing;

/**
 * What the {@code partnerStanding} table looks at: strikes in the last 30 and 90 days, and the
 * share of the partner's ended offers of the last 90 days that it accepted (null with too few
 * offers to mean anything).
 */
public record StandingFacts(int strikes30, int strikes90, Double acceptanceRate) {

    /** For the change history and the mails: "5 strikes in 30 days, 6 in 90 days, 40% of offers accepted". */
    public String describe() {
        return strikes30 + " strike(s) in 30 days, " + strikes90 + " in 90 days"
                + (acceptanceRate == null ? "" : ", " + Math.round(acceptanceRate * 100) + "% of offers accepted");
    }
}

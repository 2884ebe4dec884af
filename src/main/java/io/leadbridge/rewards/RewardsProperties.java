package io.leadbridge.rewards;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What partner users see of other partners on the leaderboard ({@code leadbridge.rewards.*} in
 * application.yaml). Vendor users always see everything.
 *
 * @param leaderboard how much of other partners a partner user's leaderboard shows
 */
@ConfigurationProperties(prefix = "leadbridge.rewards")
public record RewardsProperties(Leaderboard leaderboard) {

    public RewardsProperties {
        if (leaderboard == null) {
            leaderboard = new Leaderboard(false, false);
        }
    }

    /**
     * @param showPartnerNames      the partner ranking names other partners (otherwise: rank, tier and figures only)
     * @param showOtherPartnersReps the rep ranking shows other partners' reps in full (otherwise: first name and
     *                              partner tier)
     */
    public record Leaderboard(boolean showPartnerNames, boolean showOtherPartnersReps) {
    }
}

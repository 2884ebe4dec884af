package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A leaderboard: the period and filters it covers, and its rows ranked by points (ties by wins,
 * then by name). A row of another partner that the caller may not see by name leaves out the
 * names (rep username and last name, partner id and name) and keeps rank, tier and figures.
 */
record LeaderboardReport(Period period, String scope, String partner, Map<String, String> filters, List<Row> rows) {

    record Period(Instant from, Instant to) {
    }

    /**
     * One rep (scope {@code reps}) or partner (scope {@code partners}). {@code onTimeRate} is
     * {@code onTimeSteps / timedSteps}, the share of accepts and first contacts with a deadline
     * that came by it, rounded to 3 places; empty without any.
     */
    record Row(int rank, String rep, String firstName, String lastName, String partnerId, String partnerName,
            PartnerTier tier, long points, long wins, BigDecimal onTimeRate, long onTimeSteps, long timedSteps) {

        static final String[] CSV_HEADER = {"rank", "rep", "firstName", "lastName", "partnerId", "partnerName", "tier",
                "points", "wins", "onTimeRate", "onTimeSteps", "timedSteps"};

        Object[] csvRow() {
            return new Object[] {rank, rep, firstName, lastName, partnerId, partnerName, tier, points, wins, onTimeRate,
                    onTimeSteps, timedSteps};
        }

        Row ranked(int newRank) {
            return new Row(newRank, rep, firstName, lastName, partnerId, partnerName, tier, points, wins, onTimeRate,
                    onTimeSteps, timedSteps);
        }

        /** Another partner's rep, shown by first name and partner tier only. */
        Row withRepByFirstName() {
            return new Row(rank, null, firstName, null, null, null, tier, points, wins, onTimeRate, onTimeSteps,
                    timedSteps);
        }

        /** Another partner, shown by tier only. */
        Row withoutPartnerName() {
            return new Row(rank, rep, firstName, lastName, null, null, tier, points, wins, onTimeRate, onTimeSteps,
                    timedSteps);
        }
    }
}

package io.leadbridge.standing;

import io.leadbridge.partner.Standing;
import java.time.Instant;
import java.util.List;

/**
 * A partner's standing as {@code GET /api/partners/{id}/standing} shows it: where it stands and
 * since when, how often it was warned and suspended, its recent record, whether a channel
 * manager's review is open, its strikes of the last 90 days and every change of standing (both
 * newest first).
 */
public record StandingReport(String partnerId, Standing standing, Instant since, int warnings, int suspensions,
        int strikes30, int strikes90, Double acceptanceRate, boolean underReview, List<StrikeView> recentStrikes,
        List<StandingChange> history) {

    /** One strike as the API shows it. */
    public record StrikeView(StrikeKind kind, Long leadId, Instant occurredAt, String detail) {
        static StrikeView of(Strike strike) {
            return new StrikeView(strike.kind(), strike.leadId(), strike.occurredAt(), strike.detail());
        }
    }
}

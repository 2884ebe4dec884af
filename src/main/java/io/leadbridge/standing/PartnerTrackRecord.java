package io.leadbridge.standing;

import io.leadbridge.routing.PartnerPerformance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The facts the {@code partnerStanding} table judges a partner by: its strikes in the last 30
 * and 90 days, and its acceptance rate over 90 days as routing computes it
 * ({@link PartnerPerformance}), so ranking and standing never disagree about it.
 */
@Component
class PartnerTrackRecord {

    static final Duration MONTH = Duration.ofDays(30);
    static final Duration QUARTER = Duration.ofDays(90);

    private final PartnerStrikeLog strikes;
    private final PartnerPerformance performance;

    PartnerTrackRecord(PartnerStrikeLog strikes, PartnerPerformance performance) {
        this.strikes = strikes;
        this.performance = performance;
    }

    StandingFacts facts(String partnerId, Instant now) {
        return new StandingFacts(strikes.countSince(partnerId, now.minus(MONTH)),
                strikes.countSince(partnerId, now.minus(QUARTER)),
                performance.of(List.of(partnerId)).get(partnerId).acceptanceRate());
    }
}

package io.leadbridge.standing;

import io.leadbridge.config.LeadClock;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerService;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Puts together a partner's {@link StandingReport} from its standing, strikes, offers and history. */
@Component
class StandingReports {

    private final PartnerService partners;
    private final PartnerStandings standings;
    private final PartnerStandingRepository history;
    private final PartnerStrikeLog strikes;
    private final PartnerTrackRecord trackRecord;
    private final SuspensionReviews reviews;
    private final LeadClock clock;

    StandingReports(PartnerService partners, PartnerStandings standings, PartnerStandingRepository history,
            PartnerStrikeLog strikes, PartnerTrackRecord trackRecord, SuspensionReviews reviews, LeadClock clock) {
        this.partners = partners;
        this.standings = standings;
        this.history = history;
        this.strikes = strikes;
        this.trackRecord = trackRecord;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The partner's report; 404 when the partner does not exist. */
    StandingReport report(String partnerId) {
        Partner partner = partners.get(partnerId);
        Instant now = clock.now();
        PartnerStanding standing = standings.current(partnerId);
        StandingFacts facts = trackRecord.facts(partnerId, now);
        return new StandingReport(partnerId, standing.standing(),
                standing.since() == null ? partner.createdAt() : standing.since(), standing.warnings(),
                standing.suspensions(), facts.strikes30(), facts.strikes90(), facts.acceptanceRate(),
                reviews.openReview(partnerId).isPresent(),
                strikes.since(partnerId, now.minus(PartnerTrackRecord.QUARTER)).stream()
                        .map(StandingReport.StrikeView::of).toList(),
                history.history(partnerId));
    }
}

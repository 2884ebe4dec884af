package io.leadbridge.standing;

import io.leadbridge.config.IsoDurations;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.Standing;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A partner's standing and every change to it: judging a strike, warning, lifting a warning,
 * suspending, reinstating, keeping suspended. Each change locks the partner, writes
 * {@code partner_standing} and a {@code partner_standing_change} row, and stores its mails, in
 * the transaction of the process step that calls it.
 */
@Service
public class PartnerStandings {

    private static final Logger log = LoggerFactory.getLogger(PartnerStandings.class);

    private final PartnerStandingRepository standings;
    private final PartnerTrackRecord trackRecord;
    private final PartnerStandingRules rules;
    private final SuspensionReviews reviews;
    private final StandingMails mails;
    private final PartnerRepository partners;
    private final LeadClock clock;

    PartnerStandings(PartnerStandingRepository standings, PartnerTrackRecord trackRecord, PartnerStandingRules rules,
            SuspensionReviews reviews, StandingMails mails, PartnerRepository partners, LeadClock clock) {
        this.standings = standings;
        this.trackRecord = trackRecord;
        this.rules = rules;
        this.reviews = reviews;
        this.mails = mails;
        this.partners = partners;
        this.clock = clock;
    }

    /** The partner's standing now; GOOD for a partner that never had a change. */
    public PartnerStanding current(String partnerId) {
        return standings.find(partnerId).orElse(PartnerStanding.good(partnerId));
    }

    /** What the table says about the partner's record now, beside where the partner stands. */
    Judgement judge(String partnerId) {
        PartnerStanding current = lock(partnerId);
        StandingFacts facts = trackRecord.facts(partnerId, clock.now());
        StandingVerdict verdict = rules.evaluate(facts);
        boolean underReview = current.isSuspended() && reviews.openReview(partnerId).isPresent();
        log.info("partner {}: {}; the table says {}, standing was {}{}", partnerId, facts.describe(),
                verdict.standing(), current.standing(), underReview ? " (under review)" : "");
        return new Judgement(partner(partnerId), current, facts, verdict, underReview);
    }

    /** Counts a warning; a suspended partner stays suspended. */
    void warn(String partnerId, StandingFacts facts) {
        PartnerStanding current = lock(partnerId);
        if (current.isSuspended()) {
            return;
        }
        PartnerStanding warned = current.warned(clock.now());
        standings.save(warned);
        standings.recordChange(partnerId, Standing.WARNED, LeadEvent.SYSTEM,
                "warning " + warned.warnings() + ": " + facts.describe());
        mails.warned(partner(partnerId), warned.warnings(), facts);
        log.info("partner {}: warned (warning {}): {}", partnerId, warned.warnings(), facts.describe());
    }

    /** A warned partner whose recent record no longer calls for a warning is in good standing again. */
    void liftWarning(String partnerId, StandingFacts facts) {
        PartnerStanding current = lock(partnerId);
        if (current.standing() != Standing.WARNED) {
            return;
        }
        standings.save(current.good(clock.now()));
        standings.recordChange(partnerId, Standing.GOOD, LeadEvent.SYSTEM,
                "warning lifted, the record no longer calls for one: " + facts.describe());
        log.info("partner {}: warning lifted: {}", partnerId, facts.describe());
    }

    /**
     * Suspends the partner (no new offers from now on) and mails its manager and the channel
     * managers. Returns when the probation ends, or null when only a channel manager may
     * reinstate: always null for a partner that was suspended already and kept so by a review,
     * so a new strike never turns that decision into a suspension that ends by itself.
     */
    Instant suspend(String partnerId, StandingFacts facts, String probation) {
        PartnerStanding current = lock(partnerId);
        Instant now = clock.now();
        Instant probationEndsAt = null;
        if (!current.isSuspended()) {
            probationEndsAt = probation == null ? null : IsoDurations.after(now, probation);
            standings.save(current.suspended(now));
            standings.recordChange(partnerId, Standing.SUSPENDED, LeadEvent.SYSTEM, facts.describe()
                    + (probation == null ? "; until a channel manager reinstates it" : "; probation " + probation));
        }
        mails.suspended(partner(partnerId), facts, probationEndsAt);
        log.info("partner {}: suspended{}: {}", partnerId,
                probationEndsAt == null ? " until reinstated" : " until " + probationEndsAt, facts.describe());
        return probationEndsAt;
    }

    /** Ends the suspension. Returns false (and changes nothing) when the partner is not suspended. */
    boolean reinstate(String partnerId, String actor, String note) {
        PartnerStanding current = lock(partnerId);
        if (!current.isSuspended()) {
            return false;
        }
        standings.save(current.good(clock.now()));
        standings.recordChange(partnerId, Standing.GOOD, actor, note);
        mails.reinstated(partner(partnerId), note);
        log.info("partner {}: reinstated by {}: {}", partnerId, actor, note);
        return true;
    }

    /** Records a review that keeps the partner suspended; only a reinstatement ends it now. */
    void keepSuspended(String partnerId, String actor, String note) {
        lock(partnerId);
        standings.recordChange(partnerId, Standing.SUSPENDED, actor, "kept suspended: " + note);
        log.info("partner {}: kept suspended by {}: {}", partnerId, actor, note);
    }

    PartnerStanding lock(String partnerId) {
        return standings.lock(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("partner '" + partnerId + "' does not exist"));
    }

    private Partner partner(String partnerId) {
        return partners.findById(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("partner '" + partnerId + "' does not exist"));
    }

    /** A strike judged: the partner, where it stood, its record, the table's answer, and whether a review is open. */
    record Judgement(Partner partner, PartnerStanding current, StandingFacts facts, StandingVerdict verdict,
            boolean underReview) {
    }
}

package io.leadbridge.routing;

import io.leadbridge.config.LeadClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How partners performed over the last 90 days: the acceptance rate of the offers they answered
 * or let run out (offers a channel manager took back, or another partner won in an open
 * competition, are not held against them), the share
 * of offers without a strike (a missed accept or contact SLA), and their win rate. A rate needs
 * enough history to mean something; below that it is null and the ranking table ignores it.
 * Routing reads the same counts from {@link PartnerRoutingStats}, which keeps them per partner.
 */
@Component
public class PartnerPerformance {

    static final Duration WINDOW = Duration.ofDays(90);
    static final int MIN_OFFERS = 5;
    static final int MIN_CLOSED = 3;

    private final JdbcClient jdbc;
    private final LeadClock clock;

    PartnerPerformance(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Rates(Double acceptanceRate, Double slaKeptRate, Double winRate) {
        static final Rates NO_HISTORY = new Rates(null, null, null);
    }

    /**
     * What a partner's rates are made of, counted over the window from {@code since}: offers,
     * offers answered or let run out, offers accepted, strikes, leads won and lost. {@code oldest}
     * is the time of the oldest fact counted (null when none is): once it leaves the window the
     * counts are out of date.
     */
    public record Counts(int offers, int answered, int accepted, int strikes, int won, int lost, Instant oldest) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, null);

        public Rates rates() {
            Double acceptance = answered >= MIN_OFFERS ? (double) accepted / answered : null;
            Double slaKept = offers >= MIN_OFFERS ? Math.max(0.0, 1.0 - (double) strikes / offers) : null;
            Double win = won + lost >= MIN_CLOSED ? (double) won / (won + lost) : null;
            return new Rates(acceptance, slaKept, win);
        }

        /** Until when these counts hold: when the oldest fact counted leaves the window (null: for ever). */
        public Instant validUntil() {
            return oldest == null ? null : oldest.plus(WINDOW);
        }
    }

    public Map<String, Rates> of(Collection<String> partnerIds) {
        Map<String, Rates> rates = new HashMap<>();
        counts(partnerIds, clock.now()).forEach((id, counts) -> rates.put(id, counts.rates()));
        return rates;
    }

    /** The counts behind the rates of these partners as of {@code now}, one entry per partner asked for. */
    public Map<String, Counts> counts(Collection<String> partnerIds, Instant now) {
        Map<String, Counts> counts = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return counts;
        }
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        Map<String, long[]> offers = new HashMap<>();  // offered, closed, accepted
        Map<String, Instant> oldest = new HashMap<>();
        jdbc.sql("""
                select partner_id, count(*),
                       sum(case when outcome in ('ACCEPTED', 'DECLINED') or close_reason = 'ACCEPT_SLA_MISSED'
                                then 1 else 0 end),
                       sum(case when outcome = 'ACCEPTED' then 1 else 0 end),
                       min(offered_at)
                from lead_offer where offered_at >= :since and partner_id in (:ids) group by partner_id""")
                .param("since", since).param("ids", partnerIds)
                .query(rs -> {
                    offers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    oldest.merge(rs.getString(1), rs.getTimestamp(5).toInstant(), PartnerPerformance::earlier);
                });
        Map<String, Long> strikes = new HashMap<>();
        jdbc.sql("select partner_id, count(*), min(occurred_at) from partner_strike "
                        + "where occurred_at >= :since and partner_id in (:ids) group by partner_id")
                .param("since", since).param("ids", partnerIds)
                .query(rs -> {
                    strikes.put(rs.getString(1), rs.getLong(2));
                    oldest.merge(rs.getString(1), rs.getTimestamp(3).toInstant(), PartnerPerformance::earlier);
                });
        Map<String, long[]> closed = new HashMap<>();  // won, lost
        jdbc.sql("""
                select partner_id, sum(case when status = 'WON' then 1 else 0 end),
                       sum(case when status = 'LOST' then 1 else 0 end), min(updated_at)
                from lead where status in ('WON', 'LOST') and updated_at >= :since and partner_id in (:ids)
                group by partner_id""")
                .param("since", since).param("ids", partnerIds)
                .query(rs -> {
                    closed.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    oldest.merge(rs.getString(1), rs.getTimestamp(4).toInstant(), PartnerPerformance::earlier);
                });
        for (String id : partnerIds) {
            long[] o = offers.getOrDefault(id, new long[3]);
            long[] c = closed.getOrDefault(id, new long[2]);
            counts.put(id, new Counts((int) o[0], (int) o[1], (int) o[2], strikes.getOrDefault(id, 0L).intValue(),
                    (int) c[0], (int) c[1], oldest.get(id)));
        }
        return counts;
    }

    private static Instant earlier(Instant a, Instant b) {
        return Stream.of(a, b).min(Instant::compareTo).orElseThrow();
    }
}

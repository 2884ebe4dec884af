package io.leadbridge.routing;

import io.leadbridge.config.LeadClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How partners performed over the last 90 days: the acceptance rate of the offers they answered
 * or let run out (offers a channel manager took back, or another partner won in an open
 * competition, are not held against them), the share
 * of offers without a strike (a missed accept or contact SLA), and their win rate. A rate needs
 * enough history to mean something; below that it is null and the ranking table ignores it.
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

    public Map<String, Rates> of(Collection<String> partnerIds) {
        Map<String, Rates> rates = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return rates;
        }
        Timestamp since = Timestamp.from(clock.now().minus(WINDOW));
        Map<String, long[]> offers = new HashMap<>();  // offered, closed, accepted
        jdbc.sql("""
                select partner_id, count(*),
                       sum(case when outcome in ('ACCEPTED', 'DECLINED') or close_reason = 'ACCEPT_SLA_MISSED'
                                then 1 else 0 end),
                       sum(case when outcome = 'ACCEPTED' then 1 else 0 end)
                from lead_offer where offered_at >= :since and partner_id in (:ids) group by partner_id""")
                .param("since", since).param("ids", partnerIds)
                .query(rs -> {
                    offers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        Map<String, Long> strikes = new HashMap<>();
        jdbc.sql("select partner_id, count(*) from partner_strike where occurred_at >= :since and partner_id in (:ids) "
                        + "group by partner_id")
                .param("since", since).param("ids", partnerIds)
                .query(rs -> {
                    strikes.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, long[]> closed = new HashMap<>();  // won, lost
        jdbc.sql("""
                select partner_id, sum(case when status = 'WON' then 1 else 0 end),
                       sum(case when status = 'LOST' then 1 else 0 end)
                from lead where status in ('WON', 'LOST') and updated_at >= :since and partner_id in (:ids)
                group by partner_id""")
                .param("since", since).param("ids", partnerIds)
                .query(rs -> {
                    closed.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        for (String id : partnerIds) {
            long[] o = offers.getOrDefault(id, new long[3]);
            long[] c = closed.getOrDefault(id, new long[2]);
            Double acceptance = o[1] >= MIN_OFFERS ? (double) o[2] / o[1] : null;
            Double slaKept = o[0] >= MIN_OFFERS ? Math.max(0.0, 1.0 - (double) strikes.getOrDefault(id, 0L) / o[0]) : null;
            Double win = c[0] + c[1] >= MIN_CLOSED ? (double) c[0] / (c[0] + c[1]) : null;
            rates.put(id, new Rates(acceptance, slaKept, win));
        }
        return rates;
    }
}

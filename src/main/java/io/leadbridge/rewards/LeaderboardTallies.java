package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.reporting.ReportPeriod;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts a period for the leaderboard, per partner and rep: the points of the rewards ledger,
 * the wins, and the accepts and first contacts with a deadline and how many of them came by it.
 * A step counts for the rep who took it (the actor, when one of the partner's reps), else for the
 * rep the lead names while the partner holds it, as the ledger attributes points.
 */
@Repository
class LeaderboardTallies {

    private static final String STEP_REP = """
            coalesce(r.username, case when d.partner_id = e.partner_id then d.rep_username end)""";

    /**
     * {@link #STEP_REP} without the lead joined: the lead's rep is looked up only for the steps
     * no rep of the partner took (most are a rep's own), which spares joining every lead.
     */
    private static final String STEP_REP_LOOKED_UP = """
            coalesce(r.username, (select d.rep_username from lead d
                                  where d.id = e.lead_id and d.partner_id = e.partner_id))""";

    private final JdbcClient jdbc;

    LeaderboardTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one partner, or one of its reps ({@code rep} null: steps and points of no rep), did in the period. */
    record Tally(String partnerId, String rep, long points, long wins, long onTimeSteps, long timedSteps) {

        Tally plus(Tally other) {
            return new Tally(partnerId, rep, points + other.points, wins + other.wins,
                    onTimeSteps + other.onTimeSteps, timedSteps + other.timedSteps);
        }

        /** The same figures, counted for the partner as a whole. */
        Tally ofPartner() {
            return new Tally(partnerId, null, points, wins, onTimeSteps, timedSteps);
        }
    }

    /** How the board names a partner and a rep. */
    record PartnerLabel(String name, PartnerTier tier) {
    }

    record RepLabel(String firstName, String lastName) {
    }

    /** Per partner and rep, in no particular order; {@code partnerId} null for every partner. */
    List<Tally> tallies(ReportPeriod period, String partnerId, ReportFilter filter) {
        Map<List<String>, Tally> byRep = new LinkedHashMap<>();
        for (Tally tally : points(period, partnerId, filter)) {
            byRep.merge(key(tally), tally, Tally::plus);
        }
        for (Tally tally : steps(period, partnerId, filter)) {
            byRep.merge(key(tally), tally, Tally::plus);
        }
        return new ArrayList<>(byRep.values());
    }

    Map<String, PartnerLabel> partners(Collection<String> ids) {
        Map<String, PartnerLabel> labels = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name, tier from partner where id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        labels.put(rs.getString("id"), new PartnerLabel(rs.getString("name"),
                                PartnerTier.valueOf(rs.getString("tier"))));
                    });
        }
        return labels;
    }

    Map<String, RepLabel> reps(Collection<String> usernames) {
        Map<String, RepLabel> labels = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, first_name, last_name from partner_rep where username in (:usernames)")
                    .param("usernames", usernames)
                    .query(rs -> {
                        labels.put(rs.getString("username"), new RepLabel(rs.getString("first_name"),
                                rs.getString("last_name")));
                    });
        }
        return labels;
    }

    private List<Tally> points(ReportPeriod period, String partnerId, ReportFilter filter) {
        List<String> where = new ArrayList<>(List.of("l.occurred_at >= :from", "l.occurred_at < :to"));
        Map<String, Object> params = params(period);
        if (partnerId != null) {
            where.add("l.partner_id = :partnerId");
            params.put("partnerId", partnerId);
        }
        filter.appendTo(where, params);
        return jdbc.sql("""
                select l.partner_id, l.rep_username, sum(l.points) as points
                from reward_ledger l
                join partner p on p.id = l.partner_id%s
                where %s
                group by l.partner_id, l.rep_username""".formatted(filter.leadJoins("l.lead_id"),
                        String.join(" and ", where)))
                .params(params)
                .query((rs, row) -> new Tally(rs.getString("partner_id"), rs.getString("rep_username"),
                        rs.getLong("points"), 0, 0, 0))
                .list();
    }

    private List<Tally> steps(ReportPeriod period, String partnerId, ReportFilter filter) {
        List<String> where = new ArrayList<>(List.of("e.type in ('WON', 'ACCEPTED', 'CONTACTED')",
                "e.partner_id is not null", "e.occurred_at >= :from", "e.occurred_at < :to"));
        Map<String, Object> params = params(period);
        if (partnerId != null) {
            where.add("e.partner_id = :partnerId");
            params.put("partnerId", partnerId);
        }
        filter.appendTo(where, params);
        return jdbc.sql("""
                select partner_id, rep,
                       sum(case when type = 'WON' then 1 else 0 end) as wins,
                       sum(case when type <> 'WON' and on_time = true then 1 else 0 end) as on_time_steps,
                       sum(case when type <> 'WON' and on_time is not null then 1 else 0 end) as timed_steps
                from (select e.partner_id, e.type, e.on_time, %s as rep
                      from lead_event e
                      join partner p on p.id = e.partner_id
                      left join partner_rep r on r.username = e.actor and r.partner_id = e.partner_id%s
                      where %s) steps
                group by partner_id, rep""".formatted(filter.readsLead() ? STEP_REP : STEP_REP_LOOKED_UP,
                        filter.leadJoins("e.lead_id"), String.join(" and ", where)))
                .params(params)
                .query((rs, row) -> new Tally(rs.getString("partner_id"), rs.getString("rep"), 0,
                        rs.getLong("wins"), rs.getLong("on_time_steps"), rs.getLong("timed_steps")))
                .list();
    }

    private static Map<String, Object> params(ReportPeriod period) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(period.from()));
        params.put("to", Timestamp.from(period.to()));
        return params;
    }

    private static List<String> key(Tally tally) {
        return Arrays.asList(tally.partnerId(), tally.rep());
    }
}

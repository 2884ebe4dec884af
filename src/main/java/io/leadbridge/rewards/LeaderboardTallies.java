package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.reporting.ReportWorkers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts a period for the leaderboard, per partner and rep: the points of the rewards ledger,
 * the wins, and the accepts and first contacts with a deadline and how many of them came by it,
 * each for the rep it was credited to when recorded ({@link RepCredit}). Whole UTC days are read
 * from their sums ({@code leaderboard_day}); the hours before the first whole day and after the
 * last, and any period filtered by the lead (its account, segment, product, campaign), from the
 * ledger and {@code leaderboard_step} row by row, the lead's filter columns from its report facts.
 */
@Repository
class LeaderboardTallies {

    private final JdbcClient jdbc;
    private final ReportWorkers workers;

    LeaderboardTallies(JdbcClient jdbc, ReportWorkers workers) {
        this.jdbc = jdbc;
        this.workers = workers;
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
    List<Tally> tallies(ReportPeriod period, String partnerId, LeaderboardFilter filter) {
        Map<List<String>, Tally> byRep = new LinkedHashMap<>();
        List<Span> rowByRow = new ArrayList<>();
        Instant firstWholeDay = startOfDay(period.from());
        if (firstWholeDay.isBefore(period.from())) {
            firstWholeDay = firstWholeDay.plus(Duration.ofDays(1));
        }
        Instant endOfWholeDays = startOfDay(period.to());
        if (filter.readsLead() || !firstWholeDay.isBefore(endOfWholeDays)) {
            rowByRow.add(new Span(period.from(), period.to()));
        } else {
            for (Tally tally : days(firstWholeDay, endOfWholeDays, partnerId, filter)) {
                byRep.merge(key(tally), tally, Tally::plus);
            }
            rowByRow.add(new Span(period.from(), firstWholeDay));
            rowByRow.add(new Span(endOfWholeDays, period.to()));
        }
        List<Span> spans = rowByRow.stream().filter(Span::isNotEmpty).toList();
        if (!spans.isEmpty()) {
            // Points and steps are counted side by side.
            CompletableFuture<List<Tally>> stepsCounted = workers.start(() -> steps(spans, partnerId, filter));
            for (Tally tally : points(spans, partnerId, filter)) {
                byRep.merge(key(tally), tally, Tally::plus);
            }
            for (Tally tally : ReportWorkers.await(stepsCounted)) {
                byRep.merge(key(tally), tally, Tally::plus);
            }
        }
        return new ArrayList<>(byRep.values());
    }

    /** A part of the period, from (inclusive) to (exclusive). */
    private record Span(Instant from, Instant to) {

        boolean isNotEmpty() {
            return from.isBefore(to);
        }
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

    private List<Tally> days(Instant from, Instant to, String partnerId, LeaderboardFilter filter) {
        List<String> where = new ArrayList<>(List.of("t.utc_day >= :fromDay", "t.utc_day < :toDay"));
        Map<String, Object> params = new HashMap<>();
        params.put("fromDay", LocalDate.ofInstant(from, ZoneOffset.UTC));
        params.put("toDay", LocalDate.ofInstant(to, ZoneOffset.UTC));
        narrow(where, params, "t.partner_id", partnerId, filter);
        return jdbc.sql("""
                select t.partner_id, t.rep_key, sum(t.points) as points, sum(t.wins) as wins,
                       sum(t.on_time_steps) as on_time_steps, sum(t.timed_steps) as timed_steps
                from leaderboard_day t
                join partner p on p.id = t.partner_id
                where %s
                group by t.partner_id, t.rep_key""".formatted(String.join(" and ", where)))
                .params(params)
                .query((rs, row) -> new Tally(rs.getString("partner_id"), LeaderboardDays.rep(rs.getString("rep_key")),
                        rs.getLong("points"), rs.getLong("wins"), rs.getLong("on_time_steps"),
                        rs.getLong("timed_steps")))
                .list();
    }

    private List<Tally> points(List<Span> spans, String partnerId, LeaderboardFilter filter) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(within("l.occurred_at", spans, params)));
        narrow(where, params, "l.partner_id", partnerId, filter);
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

    private List<Tally> steps(List<Span> spans, String partnerId, LeaderboardFilter filter) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(within("s.occurred_at", spans, params)));
        narrow(where, params, "s.partner_id", partnerId, filter);
        return jdbc.sql("""
                select s.partner_id, s.rep_username,
                       sum(case when s.event_type = 'WON' then 1 else 0 end) as wins,
                       sum(case when s.event_type <> 'WON' and s.on_time = true then 1 else 0 end) as on_time_steps,
                       sum(case when s.event_type <> 'WON' and s.on_time is not null then 1 else 0 end) as timed_steps
                from leaderboard_step s
                join partner p on p.id = s.partner_id%s
                where %s
                group by s.partner_id, s.rep_username""".formatted(filter.leadJoins("s.lead_id"),
                        String.join(" and ", where)))
                .params(params)
                .query((rs, row) -> new Tally(rs.getString("partner_id"), rs.getString("rep_username"), 0,
                        rs.getLong("wins"), rs.getLong("on_time_steps"), rs.getLong("timed_steps")))
                .list();
    }

    /** The condition that {@code column} lies in one of the spans, with their parameters. */
    private static String within(String column, List<Span> spans, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            any.add("(" + column + " >= :from" + i + " and " + column + " < :to" + i + ")");
            params.put("from" + i, Timestamp.from(spans.get(i).from()));
            params.put("to" + i, Timestamp.from(spans.get(i).to()));
        }
        return "(" + String.join(" or ", any) + ")";
    }

    private static void narrow(List<String> where, Map<String, Object> params, String partnerColumn,
            String partnerId, LeaderboardFilter filter) {
        if (partnerId != null) {
            where.add(partnerColumn + " = :partnerId");
            params.put("partnerId", partnerId);
        }
        filter.appendTo(where, params);
    }

    private static Instant startOfDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static List<String> key(Tally tally) {
        return Arrays.asList(tally.partnerId(), tally.rep());
    }
}

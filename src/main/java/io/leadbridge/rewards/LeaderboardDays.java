package io.leadbridge.rewards;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leaderboard's sums per UTC day, partner and rep ({@code leaderboard_day}), and the steps it
 * counts ({@code leaderboard_step}). Both are added to in the transaction that records a step or
 * writes a ledger row, so they never disagree with the ledger and the lead events.
 */
@Repository
class LeaderboardDays {

    /** The steps the board counts: accepts and first contacts (timed) and wins. */
    static final List<String> STEP_TYPES = List.of("ACCEPTED", "CONTACTED", "WON");

    private static final String ADD_ON_POSTGRES = """
            insert into leaderboard_day (utc_day, partner_id, rep_key, points, wins, on_time_steps, timed_steps)
            values (:day, :partner, :rep, :points, :wins, :onTime, :timed)
            on conflict (utc_day, partner_id, rep_key) do update
            set points = leaderboard_day.points + excluded.points, wins = leaderboard_day.wins + excluded.wins,
                on_time_steps = leaderboard_day.on_time_steps + excluded.on_time_steps,
                timed_steps = leaderboard_day.timed_steps + excluded.timed_steps""";

    /** H2 (the embedded default) has no {@code on conflict}; its {@code merge} does the same. */
    private static final String ADD_ON_H2 = """
            merge into leaderboard_day t
            using (select cast(:day as date) as utc_day, cast(:partner as varchar(40)) as partner_id,
                          cast(:rep as varchar(64)) as rep_key, cast(:points as bigint) as points,
                          cast(:wins as bigint) as wins, cast(:onTime as bigint) as on_time_steps,
                          cast(:timed as bigint) as timed_steps) s
            on t.utc_day = s.utc_day and t.partner_id = s.partner_id and t.rep_key = s.rep_key
            when matched then update set points = t.points + s.points, wins = t.wins + s.wins,
                on_time_steps = t.on_time_steps + s.on_time_steps, timed_steps = t.timed_steps + s.timed_steps
            when not matched then insert (utc_day, partner_id, rep_key, points, wins, on_time_steps, timed_steps)
                values (s.utc_day, s.partner_id, s.rep_key, s.points, s.wins, s.on_time_steps, s.timed_steps)""";

    private final JdbcClient jdbc;
    private final String add;

    LeaderboardDays(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.add = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")
                    ? ADD_ON_POSTGRES : ADD_ON_H2;
        }
    }

    /** Records a step the board counts and adds it to its day. */
    void addStep(long leadEventId, long leadId, String partnerId, String rep, String type, Boolean onTime,
            Instant at) {
        jdbc.sql("""
                insert into leaderboard_step (lead_event_id, lead_id, partner_id, rep_username, event_type, on_time,
                                              occurred_at)
                values (:eventId, :leadId, :partner, :rep, :type, :onTime, :at)""")
                .param("eventId", leadEventId).param("leadId", leadId).param("partner", partnerId).param("rep", rep)
                .param("type", type).param("onTime", onTime).param("at", Timestamp.from(at))
                .update();
        boolean timed = !type.equals("WON") && onTime != null;
        addToDay(at, partnerId, rep, 0, type.equals("WON") ? 1 : 0, timed && onTime ? 1 : 0, timed ? 1 : 0);
    }

    /** Adds a ledger row's points to its day. */
    void addPoints(Instant at, String partnerId, String rep, long points) {
        addToDay(at, partnerId, rep, points, 0, 0, 0);
    }

    private void addToDay(Instant at, String partnerId, String rep, long points, long wins, long onTime, long timed) {
        jdbc.sql(add)
                .param("day", LocalDate.ofInstant(at, ZoneOffset.UTC)).param("partner", partnerId)
                .param("rep", repKey(rep)).param("points", points).param("wins", wins).param("onTime", onTime)
                .param("timed", timed)
                .update();
    }

    static String repKey(String rep) {
        return rep == null ? "" : rep;
    }

    static String rep(String repKey) {
        return repKey == null || repKey.isEmpty() ? null : repKey;
    }
}

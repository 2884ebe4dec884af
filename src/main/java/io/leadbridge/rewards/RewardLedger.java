package io.leadbridge.rewards;

import io.leadbridge.lead.LeadEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rewards ledger: one row per lead event that earned points, added to its leaderboard day. Append-only. */
@Repository
class RewardLedger {

    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final LeaderboardDays days;

    RewardLedger(JdbcClient jdbc, LeaderboardDays days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    boolean hasEntryFor(long leadEventId) {
        return jdbc.sql("select count(*) from reward_ledger where lead_event_id = :eventId")
                .param("eventId", leadEventId).query(Integer.class).single() > 0;
    }

    /**
     * Writes the entry unless its event has one already; says whether it wrote. The unique
     * {@code lead_event_id} refuses a second row even from a caller that got past the check.
     */
    boolean add(LedgerEntry entry) {
        if (hasEntryFor(entry.leadEventId())) {
            return false;
        }
        jdbc.sql("""
                insert into reward_ledger (lead_event_id, lead_id, partner_id, rep_username, event_type, points, reason,
                                           rule_id, decision_version, occurred_at)
                values (:eventId, :leadId, :partnerId, :rep, :type, :points, :reason, :ruleId, :version, :at)""")
                .param("eventId", entry.leadEventId()).param("leadId", entry.leadId())
                .param("partnerId", entry.partnerId()).param("rep", entry.rep())
                .param("type", entry.eventType().name()).param("points", entry.points())
                .param("reason", truncate(entry.reason())).param("ruleId", entry.ruleId())
                .param("version", entry.decisionVersion()).param("at", Timestamp.from(entry.occurredAt()))
                .update();
        days.addPoints(entry.occurredAt(), entry.partnerId(), entry.rep(), entry.points());
        return true;
    }

    /** The entries of a period, oldest first; a null partner or rep matches every one. */
    List<LedgerEntry> entries(Instant from, Instant to, String partnerId, String rep) {
        List<String> where = new ArrayList<>(List.of("occurred_at >= :from", "occurred_at < :to"));
        Map<String, Object> params = new HashMap<>(Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)));
        if (partnerId != null) {
            where.add("partner_id = :partnerId");
            params.put("partnerId", partnerId);
        }
        if (rep != null) {
            where.add("rep_username = :rep");
            params.put("rep", rep);
        }
        return jdbc.sql("select * from reward_ledger where " + String.join(" and ", where) + " order by occurred_at, id")
                .params(params).query(RewardLedger::map).list();
    }

    private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("lead_event_id"), rs.getLong("lead_id"),
                rs.getString("partner_id"), rs.getString("rep_username"), LeadEventType.valueOf(rs.getString("event_type")),
                rs.getInt("points"), rs.getString("reason"), rs.getString("rule_id"), rs.getInt("decision_version"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 3) + "...";
    }
}

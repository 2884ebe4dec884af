package io.leadbridge.lead;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of every lead: append-only. */
@Repository
public class LeadEventLog {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    LeadEventLog(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long leadId, LeadEventType type, String actor, String partnerId, String detail) {
        jdbc.sql("""
                insert into lead_event (lead_id, type, occurred_at, actor, partner_id, detail)
                values (:leadId, :type, :at, :actor, :partnerId, :detail)""")
                .param("leadId", leadId)
                .param("type", type.name())
                .param("at", java.sql.Timestamp.from(clock.now()))
                .param("actor", actor == null ? LeadEvent.SYSTEM : actor)
                .param("partnerId", partnerId)
                .param("detail", truncate(detail))
                .update();
    }

    public List<LeadEvent> timeline(long leadId) {
        return jdbc.sql("select * from lead_event where lead_id = :leadId order by occurred_at, id")
                .param("leadId", leadId)
                .query(LeadEventLog::map)
                .list();
    }

    /** The latest event of this type for this partner on the lead's timeline. */
    public Optional<LeadEvent> latest(long leadId, LeadEventType type, String partnerId) {
        return jdbc.sql("""
                select * from lead_event where lead_id = :leadId and type = :type and partner_id = :partnerId
                order by occurred_at desc, id desc""")
                .param("leadId", leadId).param("type", type.name()).param("partnerId", partnerId)
                .query(LeadEventLog::map)
                .stream().findFirst();
    }

    public int count(long leadId, LeadEventType type) {
        return jdbc.sql("select count(*) from lead_event where lead_id = :leadId and type = :type")
                .param("leadId", leadId).param("type", type.name())
                .query(Integer.class).single();
    }

    /** Whether this exact event is on the lead's timeline already. */
    public boolean exists(long leadId, LeadEventType type, String partnerId, String detail) {
        return jdbc.sql("""
                select count(*) from lead_event
                where lead_id = :leadId and type = :type and partner_id = :partnerId and detail = :detail""")
                .param("leadId", leadId).param("type", type.name()).param("partnerId", partnerId)
                .param("detail", truncate(detail))
                .query(Integer.class).single() > 0;
    }

    private static LeadEvent map(ResultSet rs, int row) throws SQLException {
        return new LeadEvent(rs.getLong("id"), rs.getLong("lead_id"), LeadEventType.valueOf(rs.getString("type")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("partner_id"),
                rs.getString("detail"));
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}

package io.leadbridge.lead;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The timeline of every lead: append-only. Each recorded event is also published as a Spring
 * application event, synchronously, in the recording thread and transaction: listeners such as
 * the rewards ledger write their consequences in the same transaction, so a step that rolls back
 * takes them back too.
 */
@Repository
public class LeadEventLog {

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ApplicationEventPublisher listeners;

    LeadEventLog(JdbcClient jdbc, LeadClock clock, ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    public LeadEvent record(long leadId, LeadEventType type, String actor, String partnerId, String detail) {
        return insert(leadId, type, actor, partnerId, detail, null, null);
    }

    /**
     * Records a step that answers a deadline (an accept, a first contact): it is on time when it
     * happens by {@code deadline}. Without a deadline its timing stays unknown.
     */
    public LeadEvent recordByDeadline(long leadId, LeadEventType type, String actor, String partnerId, String detail,
            Instant deadline) {
        Boolean onTime = deadline == null ? null : !clock.now().isAfter(deadline);
        return insert(leadId, type, actor, partnerId, detail, onTime, null);
    }

    /** Records a step whose timing is known: {@code onTime} false when it came after it was due. */
    public LeadEvent recordTimed(long leadId, LeadEventType type, String actor, String partnerId, String detail,
            boolean onTime) {
        return insert(leadId, type, actor, partnerId, detail, onTime, null);
    }

    /** Records an event with its machine-readable why, e.g. a withdrawal for {@code ACCEPT_SLA_MISSED}. */
    public LeadEvent recordWithReason(long leadId, LeadEventType type, String actor, String partnerId, String detail,
            String reason) {
        return insert(leadId, type, actor, partnerId, detail, null, reason);
    }

    private LeadEvent insert(long leadId, LeadEventType type, String actor, String partnerId, String detail,
            Boolean onTime, String reason) {
        Instant at = clock.now();
        String by = actor == null ? LeadEvent.SYSTEM : actor;
        String text = truncate(detail);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lead_event (lead_id, type, occurred_at, actor, partner_id, detail, on_time, reason)
                values (:leadId, :type, :at, :actor, :partnerId, :detail, :onTime, :reason)""")
                .param("leadId", leadId)
                .param("type", type.name())
                .param("at", java.sql.Timestamp.from(at))
                .param("actor", by)
                .param("partnerId", partnerId)
                .param("detail", text)
                .param("onTime", onTime)
                .param("reason", reason)
                .update(keys, "id");
        LeadEvent event = new LeadEvent(keys.getKey().longValue(), leadId, type, at, by, partnerId, text, onTime, reason);
        listeners.publishEvent(event);
        return event;
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
                rs.getString("detail"), rs.getObject("on_time", Boolean.class), rs.getString("reason"));
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}

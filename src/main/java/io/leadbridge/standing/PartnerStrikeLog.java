package io.leadbridge.standing;

import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.PartnerRecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Strikes against partners (table {@code partner_strike}). Append-only. */
@Repository
class PartnerStrikeLog {

    /** The length of partner_strike.detail. */
    static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ApplicationEventPublisher listeners;

    PartnerStrikeLog(JdbcClient jdbc, LeadClock clock, ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    void add(String partnerId, Long leadId, StrikeKind kind, String detail) {
        jdbc.sql("""
                insert into partner_strike (partner_id, lead_id, kind, occurred_at, detail)
                values (:partnerId, :leadId, :kind, :now, :detail)""")
                .param("partnerId", partnerId).param("leadId", leadId).param("kind", kind.name())
                .param("now", Timestamp.from(clock.now()))
                .param("detail", detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .update();
        PartnerRecordChanged.publish(listeners, partnerId);
    }

    int countSince(String partnerId, Instant since) {
        return jdbc.sql("select count(*) from partner_strike where partner_id = :partnerId and occurred_at >= :since")
                .param("partnerId", partnerId).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    /** The partner's strikes since the given time, newest first. */
    List<Strike> since(String partnerId, Instant since) {
        return jdbc.sql("""
                select * from partner_strike where partner_id = :partnerId and occurred_at >= :since
                order by occurred_at desc, id desc""")
                .param("partnerId", partnerId).param("since", Timestamp.from(since))
                .query(PartnerStrikeLog::map).list();
    }

    private static Strike map(ResultSet rs, int row) throws SQLException {
        return new Strike(rs.getLong("id"), rs.getString("partner_id"), rs.getObject("lead_id", Long.class),
                StrikeKind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("detail"));
    }
}

package io.leadbridge.notification;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored notifications. */
@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    NotificationRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long leadId, String partnerId, NotificationKind kind, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into notification (lead_id, partner_id, kind, recipient, subject, body, status, created_at)
                values (:leadId, :partnerId, :kind, :recipient, :subject, :body, 'PENDING', :now)""")
                .param("leadId", leadId).param("partnerId", partnerId).param("kind", kind.name())
                .param("recipient", recipient).param("subject", subject).param("body", body)
                .param("now", Timestamp.from(clock.now()))
                .update();
    }

    /** A mail about the partner as a whole (its standing), not about one lead. */
    public void addForPartner(String partnerId, NotificationKind kind, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into notification (lead_id, partner_id, kind, recipient, subject, body, status, created_at)
                values (null, :partnerId, :kind, :recipient, :subject, :body, 'PENDING', :now)""")
                .param("partnerId", partnerId).param("kind", kind.name())
                .param("recipient", recipient).param("subject", subject).param("body", body)
                .param("now", Timestamp.from(clock.now()))
                .update();
    }

    /** The partner's pending mails that concern no lead, locked so two send steps never mail the same one. */
    List<Notification> lockPendingForPartner(String partnerId) {
        return jdbc.sql("""
                select * from notification where lead_id is null and partner_id = :partnerId and status = 'PENDING'
                order by id for update""")
                .param("partnerId", partnerId).query(NotificationRepository::map).list();
    }

    /** The lead's pending notifications, locked so two send steps never mail the same one. */
    List<Notification> lockPending(long leadId) {
        return jdbc.sql("select * from notification where lead_id = :leadId and status = 'PENDING' order by id for update")
                .param("leadId", leadId).query(NotificationRepository::map).list();
    }

    void mark(long id, NotificationStatus status) {
        jdbc.sql("update notification set status = :status, sent_at = :now where id = :id")
                .param("id", id).param("status", status.name()).param("now", Timestamp.from(clock.now()))
                .update();
    }

    public List<Notification> forLead(long leadId) {
        return jdbc.sql("select * from notification where lead_id = :leadId order by id")
                .param("leadId", leadId).query(NotificationRepository::map).list();
    }

    /** The mails about the partner as a whole (its standing), oldest first. */
    public List<Notification> forPartner(String partnerId) {
        return jdbc.sql("select * from notification where lead_id is null and partner_id = :partnerId order by id")
                .param("partnerId", partnerId).query(NotificationRepository::map).list();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Notification(rs.getLong("id"), rs.getObject("lead_id", Long.class), rs.getString("partner_id"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}

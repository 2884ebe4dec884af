package io.leadbridge.notification;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** The send step ran: the mail sender may send it from {@code dueAt} on. */
    void queue(long id, Instant dueAt) {
        jdbc.sql("update notification set status = 'QUEUED', next_attempt_at = :dueAt where id = :id")
                .param("id", id).param("dueAt", Timestamp.from(dueAt)).update();
    }

    /** No mail server is configured: the mail is kept, and shown, but never sent. */
    void store(long id) {
        jdbc.sql("update notification set status = 'STORED', sent_at = :now where id = :id")
                .param("id", id).param("now", Timestamp.from(clock.now())).update();
    }

    /** Up to 50 queued mails due for an attempt, and mails whose sender's claim ran out (it crashed), oldest first. */
    List<Long> dueForSending(Instant now) {
        return jdbc.sql("""
                select id from notification
                where (status = 'QUEUED' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now)
                order by id fetch first 50 rows only""")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /** A mail claimed by one sender for its attempt number {@code attempt}. */
    record Claim(Notification notification, int attempt) {
    }

    /**
     * Claims the mail for one sender until {@code until}, if it is still due: of two senders racing
     * for the same mail, one updates the row and the other finds it claimed.
     */
    Optional<Claim> claim(long id, Instant now, Instant until) {
        int claimed = jdbc.sql("""
                update notification set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
                where id = :id and ((status = 'QUEUED' and next_attempt_at <= :now)
                                    or (status = 'SENDING' and claimed_until < :now))""")
                .param("id", id).param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select * from notification where id = :id").param("id", id)
                .query((rs, row) -> new Claim(map(rs, row), rs.getInt("attempts"))).optional();
    }

    /** The mail server took the mail: sent, whoever holds the claim now. */
    void markSent(long id) {
        jdbc.sql("""
                update notification set status = 'SENT', sent_at = :now, claimed_until = null, last_error = null
                where id = :id""")
                .param("id", id).param("now", Timestamp.from(clock.now())).update();
    }

    /**
     * The attempt failed: back in the queue, due again at {@code nextAttemptAt}; unless another
     * sender took the mail over meanwhile (its claim ran out), whose attempt then decides.
     */
    void retryLater(Claim claim, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                update notification set status = 'QUEUED', next_attempt_at = :next, claimed_until = null,
                       last_error = :error
                where id = :id and status = 'SENDING' and attempts = :attempt""")
                .param("id", claim.notification().id()).param("attempt", claim.attempt())
                .param("next", Timestamp.from(nextAttemptAt))
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).update();
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

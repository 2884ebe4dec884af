package io.leadbridge.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PendingMails} as one statement each. */
class PendingMailsImpl implements PendingMails {

    private static final String PENDING = """
            select id, partner_id, kind, recipient from notification
            where %s and status = 'PENDING' order by id for update""";

    private final JdbcClient jdbc;

    PendingMailsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PendingMail> lockPending(long leadId) {
        return jdbc.sql(PENDING.formatted("lead_id = :leadId")).param("leadId", leadId)
                .query(PendingMailsImpl::pendingMail).list();
    }

    @Override
    public List<PendingMail> lockPendingForPartner(String partnerId) {
        return jdbc.sql(PENDING.formatted("lead_id is null and partner_id = :partnerId")).param("partnerId", partnerId)
                .query(PendingMailsImpl::pendingMail).list();
    }

    @Override
    public void queue(List<Long> ids, Instant dueAt) {
        jdbc.sql("update notification set status = 'QUEUED', next_attempt_at = :dueAt where id in (:ids)")
                .param("dueAt", Timestamp.from(dueAt)).param("ids", ids).update();
    }

    @Override
    public void store(List<Long> ids, Instant now) {
        jdbc.sql("update notification set status = 'STORED', sent_at = :now where id in (:ids)")
                .param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    private static PendingMail pendingMail(ResultSet row, int number) throws SQLException {
        return new PendingMail(row.getLong("id"), row.getString("partner_id"),
                NotificationKind.valueOf(row.getString("kind")), row.getString("recipient"));
    }
}

package io.leadbridge.notification;

import io.leadbridge.config.LeadClock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link NotificationInserts} as one insert statement, stamped with the engine's clock as {@code save} stamps it. */
class NotificationInsertsImpl implements NotificationInserts {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    NotificationInsertsImpl(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void add(long leadId, String partnerId, NotificationKind kind, String recipient, String subject,
            String body) {
        insert(leadId, partnerId, kind, recipient, subject, body);
    }

    @Override
    public void addForPartner(String partnerId, NotificationKind kind, String recipient, String subject,
            String body) {
        insert(null, partnerId, kind, recipient, subject, body);
    }

    private void insert(Long leadId, String partnerId, NotificationKind kind, String recipient, String subject,
            String body) {
        jdbc.sql("""
                insert into notification (lead_id, partner_id, kind, recipient, subject, body, status, created_at)
                values (:leadId, :partnerId, :kind, :recipient, :subject, :body, :status, :createdAt)""")
                .param("leadId", leadId).param("partnerId", partnerId).param("kind", kind.name())
                .param("recipient", recipient).param("subject", subject).param("body", body)
                .param("status", NotificationStatus.PENDING.name()).param("createdAt", Timestamp.from(clock.now()))
                .update();
    }
}

package io.leadbridge.contactcheck;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code contact_check} table, and the contact's opt-out ({@code contact.contact_check_opt_out},
 * added with the table: it exists for this feature alone).
 */
@Repository
class ContactCheckRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    ContactCheckRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ContactCheck insert(long leadId, String partnerId, long contactId, Instant dueAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into contact_check (id, lead_id, partner_id, contact_id, status, created_at, due_at)
                values (:id, :leadId, :partnerId, :contactId, 'SCHEDULED', :now, :dueAt)""")
                .param("id", id).param("leadId", leadId).param("partnerId", partnerId).param("contactId", contactId)
                .param("now", Timestamp.from(clock.now())).param("dueAt", Timestamp.from(dueAt))
                .update();
        return get(id);
    }

    /** SCHEDULED to SKIPPED; false if the check had left SCHEDULED already. */
    boolean skip(String id, SkipReason reason) {
        return jdbc.sql("""
                update contact_check set status = 'SKIPPED', skip_reason = :reason, closed_at = :now
                where id = :id and status = 'SCHEDULED'""")
                .param("id", id).param("reason", reason.name()).param("now", Timestamp.from(clock.now()))
                .update() == 1;
    }

    /** SCHEDULED to SENT; false if the check had left SCHEDULED already. */
    boolean sent(String id, Instant sentAt, Instant expiresAt) {
        return jdbc.sql("""
                update contact_check set status = 'SENT', sent_at = :sentAt, expires_at = :expiresAt
                where id = :id and status = 'SCHEDULED'""")
                .param("id", id).param("sentAt", Timestamp.from(sentAt)).param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    /** SENT to CONFIRMED or DENIED; false if the check was not open (answered, ran out). */
    boolean answered(String id, CustomerAnswer answer) {
        Timestamp now = Timestamp.from(clock.now());
        return jdbc.sql("""
                update contact_check set status = :status, answer = :answer, answered_at = :now, closed_at = :now
                where id = :id and status = 'SENT'""")
                .param("id", id).param("answer", answer.name())
                .param("status", (answer == CustomerAnswer.YES ? ContactCheckStatus.CONFIRMED : ContactCheckStatus.DENIED)
                        .name())
                .param("now", now)
                .update() == 1;
    }

    /** SENT to UNANSWERED; false if the customer answered in the meantime. */
    boolean unanswered(String id) {
        return jdbc.sql("""
                update contact_check set status = 'UNANSWERED', closed_at = :now where id = :id and status = 'SENT'""")
                .param("id", id).param("now", Timestamp.from(clock.now()))
                .update() == 1;
    }

    Optional<ContactCheck> find(String id) {
        return jdbc.sql("select * from contact_check where id = :id").param("id", id)
                .query(ContactCheckRepository::map).optional();
    }

    /** The check, its row locked until the transaction ends, so two answers are served one after the other. */
    Optional<ContactCheck> lock(String id) {
        return jdbc.sql("select * from contact_check where id = :id for update").param("id", id)
                .query(ContactCheckRepository::map).optional();
    }

    ContactCheck get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("contact check " + id + " does not exist"));
    }

    List<ContactCheck> forLead(long leadId) {
        return jdbc.sql("select * from contact_check where lead_id = :leadId order by created_at, id")
                .param("leadId", leadId).query(ContactCheckRepository::map).list();
    }

    /** Whether a later acceptance of the lead started a check of its own. */
    boolean hasNewerCheck(ContactCheck check) {
        return jdbc.sql("""
                select count(*) from contact_check where lead_id = :leadId and id <> :id and created_at > :createdAt""")
                .param("leadId", check.leadId()).param("id", check.id())
                .param("createdAt", Timestamp.from(check.createdAt()))
                .query(Integer.class).single() > 0;
    }

    boolean optedOut(long contactId) {
        return jdbc.sql("select contact_check_opt_out from contact where id = :id").param("id", contactId)
                .query(Boolean.class).single();
    }

    /** Marks the contact as not to be asked again; false if it was already. */
    boolean optOut(long contactId) {
        return jdbc.sql("""
                update contact set contact_check_opt_out = true where id = :id and contact_check_opt_out = false""")
                .param("id", contactId).update() == 1;
    }

    private static ContactCheck map(ResultSet rs, int row) throws SQLException {
        String skipReason = rs.getString("skip_reason");
        String answer = rs.getString("answer");
        return new ContactCheck(rs.getString("id"), rs.getLong("lead_id"), rs.getString("partner_id"),
                rs.getLong("contact_id"), ContactCheckStatus.valueOf(rs.getString("status")),
                skipReason == null ? null : SkipReason.valueOf(skipReason),
                answer == null ? null : CustomerAnswer.valueOf(answer), instant(rs, "created_at"),
                instant(rs, "due_at"), instant(rs, "sent_at"), instant(rs, "expires_at"), instant(rs, "answered_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

package io.leadbridge.contactcheck;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code contact_check} table, and the contact's opt-out ({@code contact.contact_check_opt_out},
 * added with the table: it exists for this feature alone).
 *
 * <p>A check moves on by hand-written updates that name the status it must still have: the check
 * and the change are one statement, so of a customer's click and the process's timer (or two
 * clicks) exactly one wins; a read, compare and save could let both win.
 */
interface ContactCheckRepository extends ListCrudRepository<ContactCheck, String> {

    default ContactCheck get(String id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("contact check " + id + " does not exist"));
    }

    /** The check, its row locked until the transaction ends, so two answers are served one after the other. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<ContactCheck> findAndLockById(String id);

    default List<ContactCheck> forLead(long leadId) {
        return findByLeadIdOrderByCreatedAtAscIdAsc(leadId);
    }

    List<ContactCheck> findByLeadIdOrderByCreatedAtAscIdAsc(long leadId);

    /** Whether a later acceptance of the lead started a check of its own. */
    default boolean hasNewerCheck(ContactCheck check) {
        return existsByLeadIdAndIdNotAndCreatedAtAfter(check.leadId(), check.id(), check.createdAt());
    }

    boolean existsByLeadIdAndIdNotAndCreatedAtAfter(long leadId, String id, Instant createdAt);

    /** SCHEDULED to SKIPPED; false if the check had left SCHEDULED already. */
    @Modifying
    @Query("""
            update contact_check set status = 'SKIPPED', skip_reason = :reason, closed_at = :now
            where id = :id and status = 'SCHEDULED'""")
    boolean skip(String id, SkipReason reason, Instant now);

    /** SCHEDULED to SENT; false if the check had left SCHEDULED already. */
    @Modifying
    @Query("""
            update contact_check set status = 'SENT', sent_at = :sentAt, expires_at = :expiresAt
            where id = :id and status = 'SCHEDULED'""")
    boolean sent(String id, Instant sentAt, Instant expiresAt);

    /** SENT to CONFIRMED or DENIED; false if the check was not open (answered, ran out). */
    default boolean answered(String id, CustomerAnswer answer, Instant now) {
        return answered(id, answer == CustomerAnswer.YES ? ContactCheckStatus.CONFIRMED : ContactCheckStatus.DENIED,
                answer, now);
    }

    @Modifying
    @Query("""
            update contact_check set status = :status, answer = :answer, answered_at = :now, closed_at = :now
            where id = :id and status = 'SENT'""")
    boolean answered(String id, ContactCheckStatus status, CustomerAnswer answer, Instant now);

    /** SENT to UNANSWERED; false if the customer answered in the meantime. */
    @Modifying
    @Query("update contact_check set status = 'UNANSWERED', closed_at = :now where id = :id and status = 'SENT'")
    boolean unanswered(String id, Instant now);

    /** By hand: the opt-out is a column of the contact, which is not this repository's row. */
    @Query("select contact_check_opt_out from contact where id = :contactId")
    boolean optedOut(long contactId);

    /** Marks the contact as not to be asked again; false if it was already. */
    @Modifying
    @Query("update contact set contact_check_opt_out = true where id = :contactId and contact_check_opt_out = false")
    boolean optOut(long contactId);
}

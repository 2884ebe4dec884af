package io.leadbridge.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stored notifications ({@code notification}). The mail sender's steps stay hand-written
 * updates: each changes the outbox columns the {@link Notification} does not carry (attempts,
 * claims, the last error), and the claim and the retry must check and change the row in one
 * statement, or two senders could both take the same mail.
 */
public interface NotificationRepository extends ListCrudRepository<Notification, Long>, NotificationInserts,
        PendingMails {

    /** Up to 50 queued mails due for an attempt, and mails whose sender's claim ran out (it crashed), oldest first. */
    @Query("""
            select id from notification
            where (status = 'QUEUED' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_until < :now)
            order by id fetch first 50 rows only""")
    List<Long> dueForSending(Instant now);

    /** A mail claimed by one sender for its attempt number {@code attempt}. */
    record Claim(Notification notification, int attempt) {
    }

    /**
     * Claims the mail for one sender until {@code until}, if it is still due: of two senders racing
     * for the same mail, one updates the row and the other finds it claimed.
     */
    default Optional<Claim> claim(long id, Instant now, Instant until) {
        if (!claimIfDue(id, now, until)) {
            return Optional.empty();
        }
        return findById(id).map(notification -> new Claim(notification, attemptsOf(id)));
    }

    @Modifying
    @Query("""
            update notification set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
            where id = :id and ((status = 'QUEUED' and next_attempt_at <= :now)
                                or (status = 'SENDING' and claimed_until < :now))""")
    boolean claimIfDue(long id, Instant now, Instant until);

    @Query("select attempts from notification where id = :id")
    int attemptsOf(long id);

    /** The mail server took the mail: sent, whoever holds the claim now. */
    @Modifying
    @Query("""
            update notification set status = 'SENT', sent_at = :now, claimed_until = null, last_error = null
            where id = :id""")
    void markSent(long id, Instant now);

    /**
     * The attempt failed: back in the queue, due again at {@code nextAttemptAt}; unless another
     * sender took the mail over meanwhile (its claim ran out), whose attempt then decides.
     */
    default void retryLater(Claim claim, Instant nextAttemptAt, String error) {
        retryLater(claim.notification().id(), claim.attempt(), nextAttemptAt,
                error.length() > 1000 ? error.substring(0, 1000) : error);
    }

    @Modifying
    @Query("""
            update notification set status = 'QUEUED', next_attempt_at = :next, claimed_until = null,
                   last_error = :error
            where id = :id and status = 'SENDING' and attempts = :attempt""")
    void retryLater(long id, int attempt, Instant next, String error);

    default List<Notification> forLead(long leadId) {
        return findByLeadIdOrderById(leadId);
    }

    List<Notification> findByLeadIdOrderById(long leadId);

    /** The mails about the partner as a whole (its standing), oldest first. */
    default List<Notification> forPartner(String partnerId) {
        return findByLeadIdIsNullAndPartnerIdOrderById(partnerId);
    }

    List<Notification> findByLeadIdIsNullAndPartnerIdOrderById(String partnerId);
}

package io.leadbridge.webhook;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The delivery log ({@code webhook_delivery}). A delivery is added with {@link #insert}: its id
 * and its time (the event's) are set before it is stored. Attempts and status changes stay
 * hand-written updates: an attempt counts up in the row itself, and a late status change must not
 * undo a delivery that succeeded meanwhile, both in one statement.
 */
interface WebhookDeliveryRepository extends ListCrudRepository<WebhookDelivery, String>, DeliveryInserts {

    /** The length of webhook_delivery.last_error. */
    int MAX_ERROR = 1000;

    /** The webhook's deliveries, newest first. */
    List<WebhookDelivery> findByWebhookIdOrderByCreatedAtDescIdAsc(String webhookId);

    List<WebhookDelivery> findByWebhookIdAndStatusNot(String webhookId, DeliveryStatus status);

    void deleteByWebhookId(String webhookId);

    /** Counts an attempt: its HTTP status (null when no answer came) and error; a 2xx marks the delivery delivered. */
    default void recordAttempt(String id, Integer statusCode, String error, boolean delivered, Instant now) {
        String kept = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        recordAttempt(id, statusCode, kept, now, delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.PENDING,
                delivered ? now : null);
    }

    @Modifying
    @Query("""
            update webhook_delivery set attempts = attempts + 1, last_status_code = :statusCode,
                   last_error = :error, last_attempt_at = :now,
                   status = :status, delivered_at = :deliveredAt
            where id = :id""")
    void recordAttempt(String id, Integer statusCode, String error, Instant now, DeliveryStatus status,
            Instant deliveredAt);

    @Modifying
    @Query("update webhook_delivery set status = :status where id = :id and status <> 'DELIVERED'")
    void markStatus(String id, DeliveryStatus status);
}

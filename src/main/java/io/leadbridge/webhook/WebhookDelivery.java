package io.leadbridge.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One event sent (or to be sent) to one webhook: a row of the delivery log ({@code webhook_delivery}).
 * Its {@code createdAt} is the event's time, the {@code occurredAt} of its payload.
 */
@Table("webhook_delivery")
record WebhookDelivery(@Id String id, String webhookId, String partnerId, Long leadId, WebhookEvent event,
        String payload, DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError,
        Instant createdAt, Instant lastAttemptAt, Instant deliveredAt) {

    /** A delivery waiting for its first attempt. */
    static WebhookDelivery pending(String id, Webhook webhook, Long leadId, WebhookEvent event, String payload,
            Instant occurredAt) {
        return new WebhookDelivery(id, webhook.id(), webhook.partnerId(), leadId, event, payload,
                DeliveryStatus.PENDING, 0, null, null, occurredAt, null, null);
    }
}

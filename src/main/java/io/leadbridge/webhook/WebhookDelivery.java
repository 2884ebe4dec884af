package io.leadbridge.webhook;

import java.time.Instant;

/** One event sent (or to be sent) to one webhook: a row of the delivery log. */
record WebhookDelivery(String id, String webhookId, String partnerId, Long leadId, WebhookEvent event,
        String payload, DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError,
        Instant createdAt, Instant lastAttemptAt, Instant deliveredAt) {
}

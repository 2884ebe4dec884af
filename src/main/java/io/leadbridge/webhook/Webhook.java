package io.leadbridge.webhook;

import java.time.Instant;
import java.util.Set;

/** A partner's subscription: where to POST which events, and the secret that signs them. */
record Webhook(String id, String partnerId, String url, Set<WebhookEvent> events, String secret, String createdBy,
        Instant createdAt) {

    boolean wants(WebhookEvent event) {
        return events.contains(event);
    }
}

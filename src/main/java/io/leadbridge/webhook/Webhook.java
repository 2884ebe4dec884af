package io.leadbridge.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partner's subscription: where to POST which events, and the secret that signs them. A row of
 * {@code partner_webhook}, whose {@code events} column lists the event names comma-separated
 * ({@link #events()} reads them).
 */
@Table("partner_webhook")
record Webhook(@Id String id, String partnerId, String url, @Column("events") String eventNames, String secret,
        String createdBy, @CreatedDate Instant createdAt) implements Persistable<String> {

    /** A new subscription to these events (all of them when none are named). */
    static Webhook register(String partnerId, String url, Set<WebhookEvent> events, String secret, String actor) {
        Set<WebhookEvent> subscribed = events == null || events.isEmpty() ? EnumSet.allOf(WebhookEvent.class)
                : EnumSet.copyOf(events);
        return new Webhook(UUID.randomUUID().toString(), partnerId, url,
                subscribed.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), secret, actor, null);
    }

    Set<WebhookEvent> events() {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(eventNames.split(",")).filter(e -> !e.isBlank())
                .forEach(e -> events.add(WebhookEvent.valueOf(e)));
        return events;
    }

    boolean wants(WebhookEvent event) {
        return events().contains(event);
    }

    @Override
    public String getId() {
        return id;
    }

    /** The id is made here: a webhook not stored yet is one without a creation time. */
    @Override
    public boolean isNew() {
        return createdAt == null;
    }
}

package io.leadbridge.notification;

import java.time.Instant;

/**
 * One mail to one recipient about one lead, or about a partner's standing (then {@code leadId} is
 * null), kept so "we told you on 3 May" can be shown.
 */
public record Notification(long id, Long leadId, String partnerId, NotificationKind kind, String recipient,
        String subject, String body, NotificationStatus status, Instant createdAt, Instant sentAt) {
}

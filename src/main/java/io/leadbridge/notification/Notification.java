package io.leadbridge.notification;

import java.time.Instant;

/** One mail to one recipient about one lead, kept so "we told you on 3 May" can be shown. */
public record Notification(long id, Long leadId, String partnerId, NotificationKind kind, String recipient,
        String subject, String body, NotificationStatus status, Instant createdAt, Instant sentAt) {
}

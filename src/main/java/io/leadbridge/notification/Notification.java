package io.leadbridge.notification;

import java.time.Instant;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One mail to one recipient about one lead, or about a partner's standing (then {@code leadId} is
 * null), kept so "we told you on 3 May" can be shown. A row of {@code notification}; the sender's
 * bookkeeping in the same row (attempts, claims, the last error) is {@link NotificationRepository}'s.
 */
@Table("notification")
public record Notification(@Id long id, Long leadId, String partnerId, NotificationKind kind, String recipient,
        String subject, String body, NotificationStatus status, @CreatedDate Instant createdAt, Instant sentAt) {

    /** A mail waiting for its process's send step; the database numbers it. */
    static Notification pending(Long leadId, String partnerId, NotificationKind kind, String recipient,
            String subject, String body) {
        return new Notification(0, leadId, partnerId, kind, recipient, subject, body, NotificationStatus.PENDING,
                null, null);
    }
}

package io.leadbridge.contactcheck;

import java.time.Instant;

/**
 * One customer contact check as stored: whether the prospect behind a lead was contacted by the
 * partner that accepted it. {@code answer} is set once the customer answered; {@code skipReason}
 * only for a SKIPPED check.
 */
public record ContactCheck(String id, long leadId, String partnerId, long contactId, ContactCheckStatus status,
        SkipReason skipReason, CustomerAnswer answer, Instant createdAt, Instant dueAt, Instant sentAt,
        Instant expiresAt, Instant answeredAt, Instant closedAt) {
}

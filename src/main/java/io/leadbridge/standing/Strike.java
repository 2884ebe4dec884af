package io.leadbridge.standing;

import java.time.Instant;

/** One strike against a partner, about one lead (null when it concerns no single lead). */
public record Strike(long id, String partnerId, Long leadId, StrikeKind kind, Instant occurredAt, String detail) {
}

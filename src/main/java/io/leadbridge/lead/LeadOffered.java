package io.leadbridge.lead;

import java.time.Instant;

/** The lead was offered to this partner, to be accepted by {@code acceptDueAt} (one event per partner offered). */
public record LeadOffered(Lead lead, String partnerId, Instant acceptDueAt) {
}

package io.leadbridge.lead;

import java.time.Instant;

/** One entry of a lead's timeline. {@code actor} is a username, or {@code system} for the engine. */
public record LeadEvent(long id, long leadId, LeadEventType type, Instant occurredAt, String actor, String partnerId,
        String detail) {

    public static final String SYSTEM = "system";
}

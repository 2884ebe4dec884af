package io.leadbridge.lead;

import java.time.Instant;

/**
 * One entry of a lead's timeline. {@code actor} is a username, or {@code system} for the engine.
 * {@code onTime} says whether a step that answers a deadline (accept, first contact) came by it;
 * it is null for other events and when no deadline was set. {@code reason} is the machine-readable
 * why of a withdrawal ({@code ACCEPT_SLA_MISSED}, {@code COMPETITION_LOST}, ...), else null.
 */
public record LeadEvent(long id, long leadId, LeadEventType type, Instant occurredAt, String actor, String partnerId,
        String detail, Boolean onTime, String reason) {

    public static final String SYSTEM = "system";
}

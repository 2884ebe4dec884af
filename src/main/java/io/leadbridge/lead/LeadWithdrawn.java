package io.leadbridge.lead;

/**
 * The lead was taken away from this partner. {@code reason} is the machine-readable why
 * ({@code ACCEPT_SLA_MISSED}, {@code CONTACT_SLA_MISSED}, {@code COMPETITION_LOST}, ...), as on the
 * {@code WITHDRAWN} event of the timeline; {@code detail} says it in words.
 */
public record LeadWithdrawn(Lead lead, String partnerId, String reason, String detail) {
}

package io.leadbridge.lead;

/** The partner's rep accepted the lead: it is theirs now. */
public record LeadAccepted(long leadId, String partnerId, String repUsername) {
}

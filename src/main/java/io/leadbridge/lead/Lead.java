package io.leadbridge.lead;

import java.time.Instant;

/** A lead as stored: the request for contact of one person at one account about one product. */
public record Lead(
        long id,
        String source,
        String externalId,
        String campaign,
        String product,
        int score,
        String notes,
        /** ISO 639-1 code in lower case of the language the prospect wants to be served in, or null. */
        String language,
        long accountId,
        long contactId,
        LeadStatus status,
        String segment,
        String grade,
        String route,
        String partnerId,
        String repUsername,
        boolean protectedAccount,
        int attemptCount,
        String slaKind,
        Instant slaDueAt,
        String outcomeReason,
        Instant createdAt,
        Instant updatedAt) {

    /** The process business key of this lead's lifecycle. */
    public String businessKey() {
        return Long.toString(id);
    }

    /** The deadline of this kind ({@code ACCEPT}, {@code CONTACT}) the lead is under now, or null. */
    public Instant deadline(String kind) {
        return kind.equals(slaKind) ? slaDueAt : null;
    }
}

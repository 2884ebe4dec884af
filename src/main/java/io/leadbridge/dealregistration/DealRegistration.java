package io.leadbridge.dealregistration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal registration as stored and as the API shows it: who registered what for which account,
 * what the check found, the decision and its reason, and how long the partner is protected.
 */
public record DealRegistration(long id, String partnerId, String registeredBy, long accountId, String accountName,
        String accountDomain, long contactId, List<String> products, BigDecimal amount, String currency,
        LocalDate expectedCloseDate, String foundHow, DealStatus status, DealConflict conflict, String conflictDetail,
        String reason, String decidedBy, Instant registeredAt, Instant decidedAt, Instant protectedUntil,
        Instant lastUpdateAt, String lastUpdateNote, boolean stale) {
}

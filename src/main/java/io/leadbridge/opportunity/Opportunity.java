package io.leadbridge.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The deal a partner works on after first contact with the prospect of a lead. */
public record Opportunity(
        long leadId,
        String partnerId,
        String repUsername,
        OpportunityStage stage,
        BigDecimal amount,
        String currency,
        LocalDate expectedCloseDate,
        List<String> products,
        BigDecimal finalAmount,
        LostReason lostReason,
        String closeNote,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    /**
     * Stale: still open, its expected close date has passed, and the rep has not reported on the
     * lead since that date began.
     */
    public boolean isStale(LocalDate today, Instant lastStatusUpdate) {
        if (!stage.isOpen() || !today.isAfter(expectedCloseDate)) {
            return false;
        }
        Instant closeDayStart = expectedCloseDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return lastStatusUpdate == null || lastStatusUpdate.isBefore(closeDayStart);
    }
}

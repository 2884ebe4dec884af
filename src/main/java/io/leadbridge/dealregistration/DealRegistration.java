package io.leadbridge.dealregistration;

import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal registration as stored and as the API shows it: who registered what for which account,
 * what the check found, the decision and its reason, and how long the partner is protected,
 * and where the approved deal stands in the pipeline.
 */
public record DealRegistration(long id, String partnerId, String registeredBy, long accountId, String accountName,
        String accountDomain, long contactId, List<String> products, BigDecimal amount, String currency,
        LocalDate expectedCloseDate, String foundHow, DealStatus status, DealConflict conflict, String conflictDetail,
        String reason, String decidedBy, Instant registeredAt, Instant decidedAt, Instant protectedUntil,
        Instant lastUpdateAt, String lastUpdateNote, boolean stale, Pipeline pipeline) {

    /**
     * The approved deal in the opportunity pipeline: its stage (null until approved), the amount the
     * partner registered ({@code amount} is the current one), the final amount when won, the reason
     * when lost, and when it closed.
     */
    public record Pipeline(OpportunityStage stage, BigDecimal registeredAmount, BigDecimal finalAmount,
            LostReason lostReason, Instant closedAt) {
    }
}

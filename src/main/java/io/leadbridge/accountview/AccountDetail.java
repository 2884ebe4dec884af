package io.leadbridge.accountview;

import io.leadbridge.leadview.LeadView;
import io.leadbridge.opportunity.Opportunity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One account as the caller may see it: the company, the contacts named by its leads, every lead
 * with status, partner and rep, every deal a partner registered on it, the opportunities with
 * products and amounts, the deals won, through a lead or a registration (what was bought, when, for
 * how much, also in the reporting currency), what it will buy again or next
 * ({@code decisions/follow-on.dmn}) and one timeline of all its leads, oldest first.
 */
public record AccountDetail(long id, String name, String domain, String industry, String country, String region,
        Integer employees, BigDecimal annualRevenue, List<LeadView.ContactView> contacts, List<LeadLine> leads,
        List<DealLine> deals, List<Opportunity> opportunities, List<WonDeal> won, List<BuyAgain> buyAgain,
        List<TimelineEntry> timeline) {

    /**
     * A lead of the account; {@code partnerName} of the partner holding it, if any; {@code followOn}
     * true for a lead Leadbridge created as the follow-on of a win, which {@code followOnOf} explains.
     */
    public record LeadLine(long id, String status, String product, String campaign, String partnerId,
            String partnerName, String repUsername, boolean protectedAccount, Instant createdAt, boolean followOn,
            FollowOnOf followOnOf) {
    }

    /**
     * What a follow-on lead follows: the won lead and the product bought there, and the partner that
     * won the account, protected on the follow-on until {@code protectedUntil} (none: not protected);
     * a partner user sees {@code winningPartnerId} only when it is its own partner.
     */
    public record FollowOnOf(long wonLeadId, String productBought, String winningPartnerId, Instant protectedUntil) {
    }

    /**
     * A deal a partner registered on the account ({@code /api/deals}): its status (registered, in
     * review, approved, rejected, won, lost), the partner and who registered it, products, current
     * amount, pipeline stage once approved, expected close, and until when the partner is protected.
     */
    public record DealLine(long id, String status, String partnerId, String partnerName, String registeredBy,
            List<String> products, BigDecimal amount, String currency, String stage, LocalDate expectedCloseDate,
            Instant registeredAt, Instant protectedUntil, Instant closedAt) {
    }

    /**
     * A won deal, of a lead ({@code leadId}) or of a registration ({@code dealId}): the products
     * bought, when, and its final amount; {@code valueInReportingCurrency} at the rate of the month it
     * was won, left out when that month has no rate.
     */
    public record WonDeal(Long leadId, Long dealId, List<String> products, Instant wonAt, BigDecimal value,
            String currency, BigDecimal valueInReportingCurrency, String reportingCurrency, String partnerId) {
    }

    /**
     * What the customer will buy next after a product of a won deal, as the follow-on table says: the
     * product, from when to offer it ({@code dueOn}, months after the win), and the partner that won
     * the account, protected on it for {@code protectionDays}; {@code followOnLeadId} once the
     * follow-on lead was created, and when a partner user may see it.
     */
    public record BuyAgain(long leadId, String productBought, Instant wonAt, String followOnProduct, LocalDate dueOn,
            String partnerId, int protectionDays, Long followOnLeadId) {
    }

    /** A step of one of the account's leads. */
    public record TimelineEntry(long leadId, String type, Instant at, String actor, String partnerId, String detail) {
    }
}

package io.leadbridge.dealregistration;

import io.leadbridge.reporting.ConvertedSum;
import io.leadbridge.reporting.ExchangeRates;
import io.leadbridge.reporting.LeadOpportunityValues;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/deals}: per partner, how many deals were registered, approved (whether
 * still protected, expired, stale, won or lost since), won, lost, rejected and still open; their
 * amounts registered, approved and won, converted into the reporting currency at the rate of their
 * month (registered: the month of registration; won: the month of the win) with the originals and
 * the amounts without a rate beside; how long a decision took on average, and an approval's median
 * and 90th percentile. Then the pipeline and revenue by source: partner-sourced (registered deals:
 * open approved ones at their current amount, won ones at their final amount) against
 * vendor-sourced (leads' opportunities). Partner users see their own partner's figures only.
 */
@RestController
class DealRegistrationReport {

    private final JdbcClient jdbc;
    private final CallerProvider callers;
    private final ExchangeRates exchangeRates;
    private final LeadOpportunityValues leadValues;

    DealRegistrationReport(JdbcClient jdbc, CallerProvider callers, ExchangeRates exchangeRates,
            LeadOpportunityValues leadValues) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.exchangeRates = exchangeRates;
        this.leadValues = leadValues;
    }

    @GetMapping("/api/reports/deals")
    @Transactional(readOnly = true)
    Report report() {
        Caller caller = callers.current();
        String partner = caller.isPartnerUser() ? caller.partnerId() : null;
        ConvertedSum.Rates rates = exchangeRates.forOneReport();
        Map<String, Tally> tallies = new TreeMap<>();
        Tally total = new Tally(rates);
        ConvertedSum partnerPipeline = rates.sum();
        ConvertedSum partnerRevenue = rates.sum();
        String sql = """
                select partner_id, status, registered_at, decided_at, closed_at, currency, amount, registered_amount,
                       final_amount
                from deal_registration""" + (partner == null ? "" : " where partner_id = :partner");
        var statement = jdbc.sql(sql);
        if (partner != null) {
            statement = statement.param("partner", partner);
        }
        statement.query(rs -> {
            Timestamp closed = rs.getTimestamp("closed_at");
            Timestamp decided = rs.getTimestamp("decided_at");
            Deal deal = new Deal(DealStatus.valueOf(rs.getString("status")), rs.getString("currency"),
                    rs.getTimestamp("registered_at").toInstant(), decided == null ? null : decided.toInstant(),
                    closed == null ? null : closed.toInstant(), rs.getBigDecimal("amount"),
                    rs.getBigDecimal("registered_amount"), rs.getBigDecimal("final_amount"));
            tallies.computeIfAbsent(rs.getString("partner_id"), p -> new Tally(rates)).add(deal);
            total.add(deal);
            if (deal.status() == DealStatus.APPROVED) {
                partnerPipeline.add(deal.currency(), deal.amount(), deal.registeredAt());
            } else if (deal.status() == DealStatus.WON) {
                partnerRevenue.add(deal.currency(), deal.finalAmount(), deal.closedAt());
            }
        });
        ConvertedSum vendorPipeline = rates.sum();
        ConvertedSum vendorRevenue = rates.sum();
        for (LeadOpportunityValues.Value value : leadValues.of(partner)) {
            if (value.isOpen()) {
                vendorPipeline.add(value.currency(), value.amount(), value.belongsTo());
            } else if (value.isWon()) {
                vendorRevenue.add(value.currency(), value.amount(), value.belongsTo());
            }
        }
        List<Line> lines = new ArrayList<>();
        tallies.forEach((id, tally) -> lines.add(tally.line(id)));
        return new Report(rates.currency(), lines, total.line(null),
                new Sources(new Source(partnerPipeline.amount(), partnerRevenue.amount()),
                        new Source(vendorPipeline.amount(), vendorRevenue.amount())));
    }

    /** Every partner's line (only the caller's for a partner user), their total, and pipeline and revenue by source. */
    record Report(String reportingCurrency, List<Line> partners, Line total, Sources sourced) {
    }

    /**
     * One partner's (or, without a partner, everyone's) registrations: counts; amounts registered,
     * approved (as registered) and won (final amounts); hours to a decision on average, and from
     * registration to approval as median and 90th percentile (nearest rank).
     */
    record Line(String partnerId, int registered, int approved, int won, int lost, int rejected, int open,
            Double averageDecisionHours, ApprovalHours approvalHours, Amounts amounts) {
    }

    record ApprovalHours(int approvals, Double median, Double p90) {
    }

    record Amounts(ConvertedSum.Amount registered, ConvertedSum.Amount approved, ConvertedSum.Amount won) {
    }

    /** Partner-sourced (registered deals) and vendor-sourced (distributed leads). */
    record Sources(Source partnerSourced, Source vendorSourced) {
    }

    /** Open opportunities' value ({@code pipeline}) and won deals' final value ({@code revenue}). */
    record Source(ConvertedSum.Amount pipeline, ConvertedSum.Amount revenue) {
    }

    private record Deal(DealStatus status, String currency, Instant registeredAt, Instant decidedAt,
            Instant closedAt, BigDecimal amount, BigDecimal registeredAmount, BigDecimal finalAmount) {

        boolean approved() {
            return switch (status) {
                case APPROVED, EXPIRED, STALE, WON, LOST -> true;
                case REGISTERED, IN_REVIEW, REJECTED -> false;
            };
        }
    }

    private static final class Tally {
        private int registered;
        private int approved;
        private int won;
        private int lost;
        private int rejected;
        private int open;
        private long decided;
        private Duration decisionTime = Duration.ZERO;
        private final List<Duration> approvalTimes = new ArrayList<>();
        private final ConvertedSum registeredAmount;
        private final ConvertedSum approvedAmount;
        private final ConvertedSum wonAmount;

        Tally(ConvertedSum.Rates rates) {
            registeredAmount = rates.sum();
            approvedAmount = rates.sum();
            wonAmount = rates.sum();
        }

        void add(Deal deal) {
            registered++;
            registeredAmount.add(deal.currency(), deal.registeredAmount(), deal.registeredAt());
            switch (deal.status()) {
                case REJECTED -> rejected++;
                case REGISTERED, IN_REVIEW -> open++;
                case WON -> won++;
                case LOST -> lost++;
                default -> {
                    // approved, and still protected, expired or stale
                }
            }
            if (deal.approved()) {
                approved++;
                approvedAmount.add(deal.currency(), deal.registeredAmount(), deal.registeredAt());
            }
            if (deal.status() == DealStatus.WON) {
                wonAmount.add(deal.currency(), deal.finalAmount(), deal.closedAt());
            }
            if (deal.decidedAt() != null) {
                Duration took = Duration.between(deal.registeredAt(), deal.decidedAt());
                decided++;
                decisionTime = decisionTime.plus(took);
                if (deal.approved()) {
                    approvalTimes.add(took);
                }
            }
        }

        Line line(String partnerId) {
            Double hours = decided == 0 ? null
                    : Math.round(decisionTime.toMinutes() / (double) decided / 60.0 * 100) / 100.0;
            List<Duration> sorted = approvalTimes.stream().sorted().toList();
            ApprovalHours approvalHours = new ApprovalHours(sorted.size(), median(sorted), nearestRank(sorted, 90));
            return new Line(partnerId, registered, approved, won, lost, rejected, open, hours, approvalHours,
                    new Amounts(registeredAmount.amount(), approvedAmount.amount(), wonAmount.amount()));
        }

        /** The middle one, or the mean of the middle two. */
        static Double median(List<Duration> sorted) {
            if (sorted.isEmpty()) {
                return null;
            }
            int n = sorted.size();
            long minutes = n % 2 == 1 ? sorted.get(n / 2).toMinutes()
                    : (sorted.get(n / 2 - 1).toMinutes() + sorted.get(n / 2).toMinutes()) / 2;
            return hours(minutes);
        }

        /** The smallest value with at least {@code percent} % of the values at or below it. */
        static Double nearestRank(List<Duration> sorted, int percent) {
            if (sorted.isEmpty()) {
                return null;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return hours(sorted.get(Math.max(rank, 1) - 1).toMinutes());
        }

        private static double hours(long minutes) {
            return Math.round(minutes / 60.0 * 100) / 100.0;
        }
    }
}

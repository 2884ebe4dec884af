package io.leadbridge.reporting;

import io.leadbridge.csv.CsvTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeat purchases: per partner and per campaign of the first win, of the accounts a partner first
 * won in the period (its earliest won lead of the account, closed in the period): how many, how many
 * bought again from that partner (a later won lead of the account held by it), the repeat-purchase
 * rate, the follow-on leads created for that partner on those accounts since the first win, how
 * many of them it won, and their value in the reporting currency at the rate of the month each was
 * won ({@link Conversion}); a value whose month has no rate is left out of that sum and listed apart
 * in its own currency. What came after the first win counts whenever it came: the period picks the
 * accounts, not the later purchases.
 */
@Component
class RepeatPurchaseReport {

    private final JdbcClient jdbc;
    private final ReportingProperties properties;

    RepeatPurchaseReport(JdbcClient jdbc, ReportingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    RepeatPurchases report(ReportFilter filter) {
        String partner = filter.partner();
        Map<String, Object> params = new HashMap<>();
        params.put(Conversion.PARAMETER, properties.currency());
        if (partner != null) {
            params.put("partner", partner);
        }
        List<Win> wins = jdbc.sql("select f.lead_id, f.account_id, f.partner_id, f.campaign, f.closed_at,"
                        + " f.opportunity_currency, fo.lead_id as follow_on_lead, " + Conversion.CONVERTED
                        + " as converted, " + Conversion.UNCONVERTED + " as unconverted"
                        + "\nfrom report_lead f" + Conversion.JOIN
                        + "\nleft join follow_on_lead fo on fo.lead_id = f.lead_id"
                        + "\nwhere f.opportunity_stage = 'WON' and f.closed_at is not null and f.partner_id is not null"
                        + (partner == null ? "" : " and f.partner_id = :partner")
                        + "\norder by f.closed_at, f.lead_id")
                .params(params)
                .query((rs, i) -> new Win(rs.getLong("lead_id"), rs.getLong("account_id"), rs.getString("partner_id"),
                        rs.getString("campaign"), rs.getTimestamp("closed_at").toInstant(),
                        rs.getObject("follow_on_lead") != null, rs.getString("opportunity_currency"),
                        Figures.money(rs.getBigDecimal("converted")), Figures.money(rs.getBigDecimal("unconverted"))))
                .list();
        List<FollowOn> followOns = jdbc.sql("select lead_id, account_id, partner_id, created_at from follow_on_lead"
                        + " where partner_id is not null" + (partner == null ? "" : " and partner_id = :partner"))
                .params(params)
                .query((rs, i) -> new FollowOn(rs.getLong("lead_id"), rs.getLong("account_id"),
                        rs.getString("partner_id"), rs.getTimestamp("created_at").toInstant()))
                .list();

        Map<String, List<Win>> byPartnerAndAccount = new HashMap<>();
        wins.forEach(w -> byPartnerAndAccount.computeIfAbsent(w.partnerId() + "\n" + w.accountId(),
                k -> new ArrayList<>()).add(w));
        Map<String, List<FollowOn>> followOnsByPartnerAndAccount = new HashMap<>();
        followOns.forEach(f -> followOnsByPartnerAndAccount.computeIfAbsent(f.partnerId() + "\n" + f.accountId(),
                k -> new ArrayList<>()).add(f));

        Map<List<String>, Tally> rows = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1), Figures.byKey()));
        Tally total = new Tally();
        byPartnerAndAccount.forEach((key, accountWins) -> {
            Win first = accountWins.get(0);
            if (first.closedAt().isBefore(filter.period().from()) || !first.closedAt().isBefore(filter.period().to())
                    || (filter.campaign() != null && !filter.campaign().equals(first.campaign()))) {
                return;
            }
            Set<Long> followOnLeads = new HashSet<>();
            followOnsByPartnerAndAccount.getOrDefault(key, List.of()).stream()
                    .filter(f -> !f.createdAt().isBefore(first.closedAt()))
                    .forEach(f -> followOnLeads.add(f.leadId()));
            List<Win> later = accountWins.subList(1, accountWins.size());
            List<Win> followOnsWon = later.stream().filter(w -> w.followOn() && followOnLeads.contains(w.leadId()))
                    .toList();
            for (Tally tally : List.of(rows.computeIfAbsent(Arrays.asList(first.partnerId(), first.campaign()),
                    k -> new Tally()), total)) {
                tally.add(!later.isEmpty(), followOnLeads.size(), followOnsWon);
            }
        });
        String currency = properties.currency();
        List<Row> lines = new ArrayList<>();
        rows.forEach((key, tally) -> lines.add(tally.row(key.get(0), key.get(1), currency)));
        return new RepeatPurchases(filter.period(), currency, lines, total.row(null, null, currency));
    }

    private record Win(long leadId, long accountId, String partnerId, String campaign, Instant closedAt,
            boolean followOn, String currency, BigDecimal converted, BigDecimal unconverted) {
    }

    private record FollowOn(long leadId, long accountId, String partnerId, Instant createdAt) {
    }

    private static final class Tally {
        private long accountsWon;
        private long boughtAgain;
        private long followOnLeads;
        private long followOnLeadsWon;
        private BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        private final Map<String, BigDecimal> withoutRate = new TreeMap<>();

        void add(boolean again, int followOns, List<Win> followOnsWon) {
            accountsWon++;
            boughtAgain += again ? 1 : 0;
            followOnLeads += followOns;
            followOnLeadsWon += followOnsWon.size();
            for (Win w : followOnsWon) {
                if (w.converted() != null) {
                    revenue = revenue.add(w.converted());
                } else if (w.unconverted() != null) {
                    withoutRate.merge(w.currency(), w.unconverted(), BigDecimal::add);
                }
            }
        }

        Row row(String partnerId, String campaign, String currency) {
            List<Money> apart = withoutRate.entrySet().stream().map(e -> new Money(e.getKey(), e.getValue())).toList();
            return new Row(partnerId, campaign, accountsWon, boughtAgain, Figures.share(boughtAgain, accountsWon),
                    followOnLeads, followOnLeadsWon, currency, revenue, apart);
        }
    }

    /**
     * One partner's accounts first won through one campaign (none: leads without a campaign); the
     * total row has neither. {@code followOnRevenue} is in {@code reportingCurrency};
     * {@code followOnRevenueWithoutRate} lists, in their own currencies, values whose month has no rate.
     */
    public record Row(String partnerId, String campaign, long accountsWon, long accountsBoughtAgain,
            BigDecimal repeatPurchaseRate, long followOnLeads, long followOnLeadsWon, String reportingCurrency,
            BigDecimal followOnRevenue, List<Money> followOnRevenueWithoutRate) {
    }

    /** The report of a period: the accounts first won in it, per partner and campaign, and all of them. */
    public record RepeatPurchases(ReportPeriod period, String reportingCurrency, List<Row> rows, Row total) {

        public CsvTable table() {
            List<List<Object>> lines = new ArrayList<>();
            for (Row r : rows) {
                lines.add(Arrays.asList(r.partnerId(), r.campaign(), r.accountsWon(), r.accountsBoughtAgain(),
                        r.repeatPurchaseRate(), r.followOnLeads(), r.followOnLeadsWon(), r.reportingCurrency(),
                        r.followOnRevenue(), CampaignReport.Campaigns.amounts(r.followOnRevenueWithoutRate())));
            }
            return new CsvTable(List.of("partner", "campaign", "accounts_won", "accounts_bought_again",
                    "repeat_purchase_rate", "follow_on_leads", "follow_on_leads_won", "reporting_currency",
                    "follow_on_revenue", "follow_on_revenue_without_rate"), lines);
        }
    }
}

package io.leadbridge.reporting;

import io.leadbridge.csv.CsvTable;
import io.leadbridge.lead.LeadStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaign ROI: per campaign (the code a lead carries; leads without one form a row of their
 * own), of the leads received in the period: how many, how many were followed up (first contact
 * reported, or an opportunity opened), won, lost, still pending, or not pursued (nurture,
 * disqualified); the value won; what a lead cost and the return on the campaign's cost; and how
 * long closing took from the lead's arrival.
 *
 * <p>The value won counts WON opportunities (their final amount). {@code wonValue}, {@code roi} and
 * {@code costPerLead} are in the campaign's own currency, won value in other currencies listed beside
 * them as it is. {@code converted} has the same figures with every amount in the reporting currency:
 * won value at the rate of the month it was won, the cost at the rate of the campaign's first month
 * ({@link Conversion}); an amount whose month has no rate is listed apart and the ROI left out.
 * A lead won without an opportunity adds no value. {@code cost} is the campaign's whole cost, so
 * {@code costPerLead = cost / leads} and {@code roi = (wonValue − cost) / cost} are the campaign's
 * own only when the report covers all its leads: with the campaign's dates as the period and no
 * other filter. Narrower filters (a partner, a country) set part of the leads against the whole
 * cost. A lead counts for the partner that holds it now.
 */
@Component
class CampaignReport {

    /** The statuses a lead ends in, as the parameter {@code :closed}: a lead in none of them is pending. */
    private static final List<String> CLOSED = Arrays.stream(LeadStatus.values()).filter(LeadStatus::isClosed)
            .map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final ReportingProperties properties;
    private final ReportWorkers workers;
    private final ExchangeRates rates;

    CampaignReport(JdbcClient jdbc, ReportingProperties properties, ReportWorkers workers, ExchangeRates rates) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.workers = workers;
        this.rates = rates;
    }

    Campaigns report(ReportFilter filter) {
        filter.groupBy(List.of(), null, "campaign report");
        LeadConditions conditions = LeadConditions.of(filter).partnerOn("f.partner_id");
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("currency", properties.currency());
        params.put("closed", CLOSED);
        params.put(Conversion.PARAMETER, properties.currency());
        // The value won in other currencies and the times to close are read side by side with the counts.
        CompletableFuture<Map<String, List<Money>>> otherCurrenciesRead = workers.start(() -> {
            Map<String, List<Money>> otherCurrencies = new HashMap<>();
            jdbc.sql("""
                    select f.campaign, f.opportunity_currency as currency, sum(f.opportunity_value) as amount
                    from report_lead f
                    left join campaign c on c.code = f.campaign"""
                    + conditions.where() + """
                     and f.opportunity_stage = 'WON' and f.opportunity_currency <> coalesce(c.currency, :currency)
                    group by f.campaign, f.opportunity_currency
                    order by f.opportunity_currency""")
                    .params(params)
                    .query(rs -> {
                        otherCurrencies.computeIfAbsent(rs.getString("campaign"), k -> new ArrayList<>())
                                .add(new Money(rs.getString("currency"), Figures.money(rs.getBigDecimal("amount"))));
                    });
            return otherCurrencies;
        });
        // The value won in months without a rate, by campaign and currency.
        CompletableFuture<Map<String, List<Money>>> withoutRateRead = workers.start(() -> {
            Map<String, List<Money>> withoutRate = new HashMap<>();
            jdbc.sql("select f.campaign, f.opportunity_currency as currency, sum(" + Conversion.UNCONVERTED
                            + ") as amount\nfrom report_lead f" + Conversion.JOIN + conditions.where()
                            + " and f.opportunity_stage = 'WON' and " + Conversion.UNCONVERTED + " is not null"
                            + "\ngroup by f.campaign, f.opportunity_currency order by f.opportunity_currency")
                    .params(params)
                    .query(rs -> {
                        withoutRate.computeIfAbsent(rs.getString("campaign"), k -> new ArrayList<>())
                                .add(new Money(rs.getString("currency"), Figures.money(rs.getBigDecimal("amount"))));
                    });
            return withoutRate;
        });
        // The time from arrival to close of each lead closed WON or LOST, by campaign.
        CompletableFuture<Map<String, Durations>> timesToCloseRead = workers.start(() -> {
            Map<String, Durations> timesToClose = new HashMap<>();
            jdbc.sql("select f.campaign, f.received_at, f.closed_at\nfrom report_lead f" + conditions.where()
                            + " and f.closed_at is not null")
                    .params(params)
                    .query(rs -> {
                        timesToClose.computeIfAbsent(rs.getString("campaign"), k -> new Durations())
                                .add(Durations.between(rs, "received_at", "closed_at"));
                    });
            return timesToClose;
        });
        List<Counted> rows = jdbc.sql("""
                select campaign, name, channel, cost, currency, starts_on, count(*) as leads,
                       sum(followed_up) as followed_up, sum(won) as won, sum(lost) as lost, sum(pending) as pending,
                       sum(not_pursued) as not_pursued, sum(won_value) as won_value, sum(won_converted) as won_converted
                from (
                    select f.campaign, c.name, c.channel, c.cost, coalesce(c.currency, :currency) as currency,
                           c.starts_on,
                           f.received_at, f.followed_up, f.closed_at,
                           case when f.status = 'WON' then 1 else 0 end as won,
                           case when f.status = 'LOST' then 1 else 0 end as lost,
                           case when f.status in ('NURTURE', 'DISQUALIFIED') then 1 else 0 end as not_pursued,
                           case when f.status not in (:closed) then 1 else 0 end as pending,
                           case when f.opportunity_stage = 'WON' and f.opportunity_currency = coalesce(c.currency, :currency)
                                then f.opportunity_value else 0 end as won_value,
                           case when f.opportunity_stage = 'WON' then """ + Conversion.CONVERTED + """
                 end as won_converted
                    from report_lead f
                    left join campaign c on c.code = f.campaign"""
                + Conversion.JOIN + conditions.where() + """
                ) r
                group by campaign, name, channel, cost, currency, starts_on""")
                .params(params)
                .query((rs, i) -> new Counted(rs.getString("campaign"), rs.getString("name"), rs.getString("channel"),
                        Figures.money(rs.getBigDecimal("cost")), rs.getString("currency"), rs.getLong("leads"),
                        rs.getLong("followed_up"), rs.getLong("won"), rs.getLong("lost"), rs.getLong("pending"),
                        rs.getLong("not_pursued"), Figures.money(rs.getBigDecimal("won_value")),
                        rs.getDate("starts_on") == null ? null : YearMonth.from(rs.getDate("starts_on").toLocalDate()),
                        Figures.money(rs.getBigDecimal("won_converted"))))
                .list();
        Map<String, List<Money>> otherCurrencies = ReportWorkers.await(otherCurrenciesRead);
        Map<String, List<Money>> withoutRate = ReportWorkers.await(withoutRateRead);
        Map<String, Durations> timesToClose = ReportWorkers.await(timesToCloseRead);
        return new Campaigns(filter.period(), properties.currency(), rows.stream()
                .map(c -> c.row(otherCurrencies.getOrDefault(c.campaign(), List.of()),
                        timesToClose.containsKey(c.campaign()) ? timesToClose.get(c.campaign()).hours() : null,
                        c.converted(costRate(c), withoutRate.getOrDefault(c.campaign(), List.of()),
                                properties.currency())))
                .sorted(Comparator.comparing(Row::campaign, Figures.byKey()))
                .toList());
    }

    /** The rate of the campaign's cost: its currency's in the campaign's first month; null without a cost or a rate. */
    private BigDecimal costRate(Counted campaign) {
        if (campaign.cost() == null) {
            return null;
        }
        return rates.rate(campaign.currency(), campaign.startsIn()).orElse(null);
    }

    /** What the database counted for one campaign; its row adds cost per lead, ROI and the other statements' figures. */
    private record Counted(String campaign, String name, String channel, BigDecimal cost, String currency, long leads,
            long followedUp, long won, long lost, long pending, long notPursued, BigDecimal wonValue,
            YearMonth startsIn, BigDecimal wonConverted) {

        Row row(List<Money> wonValueOtherCurrencies, Hours hoursToClose, Converted converted) {
            return new Row(campaign, name, channel, cost, currency, leads, followedUp, won, lost, pending, notPursued,
                    wonValue, wonValueOtherCurrencies, costPerLead(cost, leads), roi(wonValue, cost), hoursToClose,
                    converted);
        }

        Converted converted(BigDecimal costRate, List<Money> wonValueWithoutRate, String reportingCurrency) {
            BigDecimal convertedCost = cost == null || costRate == null ? null : Figures.money(cost.multiply(costRate));
            BigDecimal convertedWon = wonConverted == null ? BigDecimal.ZERO.setScale(2) : wonConverted;
            return new Converted(reportingCurrency, convertedCost, cost != null && costRate == null,
                    convertedWon, wonValueWithoutRate, costPerLead(convertedCost, leads),
                    wonValueWithoutRate.isEmpty() ? roi(convertedWon, convertedCost) : null);
        }

        private static BigDecimal costPerLead(BigDecimal cost, long leads) {
            return cost == null || leads == 0 ? null : cost.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP);
        }

        private static BigDecimal roi(BigDecimal wonValue, BigDecimal cost) {
            return cost == null || cost.signum() == 0 ? null
                    : wonValue.subtract(cost).divide(cost, 3, RoundingMode.HALF_UP);
        }
    }

    /** The campaign report of a period; {@code reportingCurrency} is the currency of every row's {@code converted}. */
    public record Campaigns(ReportPeriod period, String reportingCurrency, List<Row> campaigns) {

        public CsvTable table() {
            return new CsvTable(List.of("campaign", "name", "channel", "cost", "currency", "leads", "followed_up", "won",
                    "lost", "pending", "not_pursued", "won_value", "won_value_other_currencies", "cost_per_lead", "roi",
                    "median_hours_to_close", "p90_hours_to_close", "reporting_currency", "converted_cost",
                    "converted_won_value", "won_value_without_rate", "converted_cost_per_lead", "converted_roi"),
                    campaigns.stream().<List<Object>>map(r -> Arrays.asList(r.campaign(), r.name(), r.channel(), r.cost(),
                            r.currency(), r.leads(), r.followedUp(), r.won(), r.lost(), r.pending(), r.notPursued(),
                            r.wonValue(), amounts(r.wonValueOtherCurrencies()),
                            r.costPerLead(), r.roi(), r.hoursToClose() == null ? null : r.hoursToClose().median(),
                            r.hoursToClose() == null ? null : r.hoursToClose().p90(), r.converted().currency(),
                            r.converted().cost(), r.converted().wonValue(),
                            amounts(r.converted().wonValueWithoutRate()),
                            r.converted().costPerLead(), r.converted().roi())).toList());
        }

        /** "USD 9000.00; GBP 10.00" */
        static String amounts(List<Money> amounts) {
            return amounts.stream().map(m -> m.currency() + " " + m.amount().toPlainString())
                    .collect(Collectors.joining("; "));
        }
    }

    /**
     * One campaign ({@code campaign} left out for leads without one; {@code name}, {@code channel},
     * {@code cost}, {@code costPerLead} and {@code roi} left out when the code has no campaign
     * record). {@code currency} is the campaign's (else the reporting currency): the currency of
     * {@code cost} and {@code wonValue}.
     */
    public record Row(String campaign, String name, String channel, BigDecimal cost, String currency, long leads,
            long followedUp, long won, long lost, long pending, long notPursued, BigDecimal wonValue,
            List<Money> wonValueOtherCurrencies, BigDecimal costPerLead, BigDecimal roi, Hours hoursToClose,
            Converted converted) {
    }

    /**
     * A campaign's figures in the reporting currency ({@code currency}). {@code cost} is left out and
     * {@code costWithoutRate} true when the campaign's first month has no rate of its currency;
     * {@code wonValueWithoutRate} lists won amounts whose month has no rate, in their own currencies,
     * left out of {@code wonValue}. {@code roi} is only given when nothing is left out.
     */
    public record Converted(String currency, BigDecimal cost, boolean costWithoutRate, BigDecimal wonValue,
            List<Money> wonValueWithoutRate, BigDecimal costPerLead, BigDecimal roi) {
    }
}

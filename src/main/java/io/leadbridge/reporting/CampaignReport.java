package io.leadbridge.reporting;

import io.leadbridge.csv.CsvTable;
import io.leadbridge.lead.LeadStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * <p>Money is never converted: the value won counts WON opportunities (their final amount) in the
 * campaign's currency; won value in other currencies is listed beside it and left out of the ROI.
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

    CampaignReport(JdbcClient jdbc, ReportingProperties properties, ReportWorkers workers) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.workers = workers;
    }

    Campaigns report(ReportFilter filter) {
        filter.groupBy(List.of(), null, "campaign report");
        LeadConditions conditions = LeadConditions.of(filter).partnerOn("f.partner_id");
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("currency", properties.currency());
        params.put("closed", CLOSED);
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
                select campaign, name, channel, cost, currency, count(*) as leads, sum(followed_up) as followed_up,
                       sum(won) as won, sum(lost) as lost, sum(pending) as pending, sum(not_pursued) as not_pursued,
                       sum(won_value) as won_value
                from (
                    select f.campaign, c.name, c.channel, c.cost, coalesce(c.currency, :currency) as currency,
                           f.received_at, f.followed_up, f.closed_at,
                           case when f.status = 'WON' then 1 else 0 end as won,
                           case when f.status = 'LOST' then 1 else 0 end as lost,
                           case when f.status in ('NURTURE', 'DISQUALIFIED') then 1 else 0 end as not_pursued,
                           case when f.status not in (:closed) then 1 else 0 end as pending,
                           case when f.opportunity_stage = 'WON' and f.opportunity_currency = coalesce(c.currency, :currency)
                                then f.opportunity_value else 0 end as won_value
                    from report_lead f
                    left join campaign c on c.code = f.campaign"""
                + conditions.where() + """
                ) r
                group by campaign, name, channel, cost, currency""")
                .params(params)
                .query((rs, i) -> new Counted(rs.getString("campaign"), rs.getString("name"), rs.getString("channel"),
                        Figures.money(rs.getBigDecimal("cost")), rs.getString("currency"), rs.getLong("leads"),
                        rs.getLong("followed_up"), rs.getLong("won"), rs.getLong("lost"), rs.getLong("pending"),
                        rs.getLong("not_pursued"), Figures.money(rs.getBigDecimal("won_value"))))
                .list();
        Map<String, List<Money>> otherCurrencies = ReportWorkers.await(otherCurrenciesRead);
        Map<String, Durations> timesToClose = ReportWorkers.await(timesToCloseRead);
        return new Campaigns(filter.period(), rows.stream()
                .map(c -> c.row(otherCurrencies.getOrDefault(c.campaign(), List.of()),
                        timesToClose.containsKey(c.campaign()) ? timesToClose.get(c.campaign()).hours() : null))
                .sorted(Comparator.comparing(Row::campaign, Figures.byKey()))
                .toList());
    }

    /** What the database counted for one campaign; its row adds cost per lead, ROI and the other statements' figures. */
    private record Counted(String campaign, String name, String channel, BigDecimal cost, String currency, long leads,
            long followedUp, long won, long lost, long pending, long notPursued, BigDecimal wonValue) {

        Row row(List<Money> wonValueOtherCurrencies, Hours hoursToClose) {
            return new Row(campaign, name, channel, cost, currency, leads, followedUp, won, lost, pending, notPursued,
                    wonValue, wonValueOtherCurrencies,
                    cost == null || leads == 0 ? null : cost.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP),
                    cost == null || cost.signum() == 0 ? null
                            : wonValue.subtract(cost).divide(cost, 3, RoundingMode.HALF_UP),
                    hoursToClose);
        }
    }

    /** The campaign report of a period. */
    public record Campaigns(ReportPeriod period, List<Row> campaigns) {

        public CsvTable table() {
            return new CsvTable(List.of("campaign", "name", "channel", "cost", "currency", "leads", "followed_up", "won",
                    "lost", "pending", "not_pursued", "won_value", "won_value_other_currencies", "cost_per_lead", "roi",
                    "median_hours_to_close", "p90_hours_to_close"),
                    campaigns.stream().<List<Object>>map(r -> Arrays.asList(r.campaign(), r.name(), r.channel(), r.cost(),
                            r.currency(), r.leads(), r.followedUp(), r.won(), r.lost(), r.pending(), r.notPursued(),
                            r.wonValue(), r.wonValueOtherCurrencies().stream()
                                    .map(m -> m.currency() + " " + m.amount().toPlainString())
                                    .collect(Collectors.joining("; ")),
                            r.costPerLead(), r.roi(), r.hoursToClose() == null ? null : r.hoursToClose().median(),
                            r.hoursToClose() == null ? null : r.hoursToClose().p90())).toList());
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
            List<Money> wonValueOtherCurrencies, BigDecimal costPerLead, BigDecimal roi, Hours hoursToClose) {
    }

    /** An amount in a currency. */
    public record Money(String currency, BigDecimal amount) {
    }
}

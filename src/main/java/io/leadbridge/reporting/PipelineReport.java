package io.leadbridge.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.leadbridge.csv.CsvTable;
import io.leadbridge.lead.LeadStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pipeline: the leads received in the period by status, and the value of their opportunities
 * by stage and currency, optionally grouped by a filter dimension. A lead counts for the partner
 * that holds it now ({@code lead.partner_id}); a lead withdrawn and waiting, or offered to several
 * partners in an open competition, counts for none. An opportunity's value is its amount, and for
 * a WON one its final amount. Amounts are summed per currency as they are ({@code opportunities}),
 * and per stage converted into the reporting currency ({@code converted}, see {@link Conversion}),
 * an amount of a month without a rate listed beside that sum in its own currency.
 */
@Component
class PipelineReport {

    private final JdbcClient jdbc;
    private final ReportingProperties reporting;

    PipelineReport(JdbcClient jdbc, ReportingProperties reporting) {
        this.jdbc = jdbc;
        this.reporting = reporting;
    }

    /** The pipeline of the leads the filter selects: one query, grouped in the database. */
    Pipeline report(ReportFilter filter) {
        ReportDimension groupBy = filter.groupBy(List.of(ReportDimension.values()), null, "pipeline");
        LeadConditions conditions = LeadConditions.of(filter).partnerOn("f.partner_id");
        String key = groupBy == null ? "" : column(groupBy) + " as group_key, ";
        String groupKey = groupBy == null ? "" : column(groupBy) + ", ";
        List<Row> rows = jdbc.sql("select " + key + """
                       f.status, f.opportunity_stage as stage, f.opportunity_currency as currency, count(*) as leads,
                       count(f.opportunity_stage) as opportunities, sum(f.opportunity_value) as amount,
                       sum(""" + Conversion.CONVERTED + ") as converted, sum(" + Conversion.UNCONVERTED + """
                ) as unconverted
                from report_lead f"""
                + (groupBy == ReportDimension.TIER ? "\nleft join partner p on p.id = f.partner_id" : "")
                + Conversion.JOIN
                + conditions.where() + " group by " + groupKey + "f.status, f.opportunity_stage, f.opportunity_currency")
                .params(conditions.params())
                .param(Conversion.PARAMETER, reporting.currency())
                .query((rs, i) -> new Row(groupBy == null ? null : rs.getString("group_key"), rs.getString("status"),
                        rs.getString("stage"), rs.getString("currency"), rs.getLong("leads"),
                        rs.getLong("opportunities"), Figures.money(rs.getBigDecimal("amount")),
                        Figures.money(rs.getBigDecimal("converted")), Figures.money(rs.getBigDecimal("unconverted"))))
                .list();
        rows = rows.stream().sorted(Row.ORDER).toList();
        List<Group> groups = null;
        if (groupBy != null) {
            Map<String, List<Row>> byKey = new LinkedHashMap<>();
            rows.forEach(row -> byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
            groups = byKey.entrySet().stream().map(e -> Group.of(e.getKey(), e.getValue(), reporting.currency()))
                    .toList();
        }
        return new Pipeline(filter.period(), groupBy == null ? null : groupBy.parameter(), reporting.currency(),
                groups, Group.of(null, rows, reporting.currency()), rows);
    }

    /** The lead's value of a dimension in its report facts: its holder, the holder's tier, the account's place, ... */
    static String column(ReportDimension dimension) {
        return switch (dimension) {
            case PARTNER -> "f.partner_id";
            case TIER -> "p.tier";
            case COUNTRY -> "f.country";
            case REGION -> "f.region";
            case SEGMENT -> "f.segment";
            case INDUSTRY -> "f.industry";
            case PRODUCT -> "f.product";
            case CAMPAIGN -> "f.campaign";
        };
    }

    /**
     * The pipeline of a period: {@code groups} (only with {@code groupBy}; {@code key} left out for
     * leads without a value, e.g. no partner) and the {@code total} over all of them;
     * {@code reportingCurrency} is the currency of every group's {@code converted} values.
     */
    public record Pipeline(ReportPeriod period, String groupBy, String reportingCurrency, List<Group> groups,
            Group total, @JsonIgnore List<Row> rows) {

        /** One line per group, status, stage and currency, as the database counted them. */
        public CsvTable table() {
            List<String> header = new ArrayList<>();
            if (groupBy != null) {
                header.add(groupBy);
            }
            header.addAll(List.of("status", "stage", "currency", "leads", "opportunities", "value"));
            List<List<Object>> lines = rows.stream().map(row -> {
                List<Object> line = new ArrayList<>();
                if (groupBy != null) {
                    line.add(row.key());
                }
                line.addAll(Arrays.asList(row.status(), row.stage(), row.currency(), row.leads(),
                        row.opportunities(), row.value()));
                return line;
            }).toList();
            return new CsvTable(header, lines);
        }
    }

    /**
     * Leads of one group: how many, by status, their opportunities by stage and currency as they
     * are, and by stage converted into the reporting currency.
     */
    public record Group(String key, long leads, List<StatusCount> statuses, List<StageValue> opportunities,
            List<ConvertedValue> converted) {

        static Group of(String key, List<Row> rows, String reportingCurrency) {
            Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(Row::status, LinkedHashMap::new,
                    Collectors.summingLong(Row::leads)));
            Map<List<String>, List<Row>> byStage = rows.stream().filter(r -> r.stage() != null)
                    .collect(Collectors.groupingBy(r -> Arrays.asList(r.stage(), r.currency()), LinkedHashMap::new,
                            Collectors.toList()));
            List<StatusCount> statuses = byStatus.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Figures.inOrder(STATUSES)))
                    .map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
            List<StageValue> opportunities = byStage.entrySet().stream()
                    .map(e -> new StageValue(e.getKey().get(0), e.getKey().get(1),
                            e.getValue().stream().mapToLong(Row::opportunities).sum(),
                            e.getValue().stream().map(Row::value).filter(Objects::nonNull)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2)))
                    .sorted(Comparator.comparing(StageValue::stage, Figures.inOrder(Figures.STAGES))
                            .thenComparing(StageValue::currency, Figures.byKey()))
                    .toList();
            return new Group(key, rows.stream().mapToLong(Row::leads).sum(), statuses, opportunities,
                    ConvertedValue.byStage(rows, reportingCurrency));
        }
    }

    /**
     * Opportunities of one stage, their value in the reporting currency ({@code currency}), and in
     * {@code withoutRate} the amounts left out of it because their month has no rate, in their own
     * currencies: while it is not empty, {@code value} is not the stage's whole value.
     */
    public record ConvertedValue(String stage, String currency, long opportunities, BigDecimal value,
            List<Money> withoutRate) {

        static List<ConvertedValue> byStage(List<Row> rows, String reportingCurrency) {
            Map<String, List<Row>> byStage = rows.stream().filter(r -> r.stage() != null)
                    .collect(Collectors.groupingBy(Row::stage, LinkedHashMap::new, Collectors.toList()));
            return byStage.entrySet().stream()
                    .map(e -> new ConvertedValue(e.getKey(), reportingCurrency,
                            e.getValue().stream().mapToLong(Row::opportunities).sum(),
                            e.getValue().stream().map(Row::converted).filter(Objects::nonNull)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2),
                            e.getValue().stream().filter(r -> r.unconverted() != null)
                                    .collect(Collectors.groupingBy(Row::currency, TreeMap::new,
                                            Collectors.reducing(BigDecimal.ZERO, Row::unconverted, BigDecimal::add)))
                                    .entrySet().stream().map(m -> new Money(m.getKey(), m.getValue())).toList()))
                    .sorted(Comparator.comparing(ConvertedValue::stage, Figures.inOrder(Figures.STAGES)))
                    .toList();
        }
    }

    public record StatusCount(String status, long leads) {
    }

    /** Opportunities of one stage in one currency and their value. */
    public record StageValue(String stage, String currency, long opportunities, BigDecimal value) {
    }

    /**
     * What the database counted for one group, status, stage and currency (stage null: leads without an
     * opportunity); {@code converted} the part of {@code value} with a rate, in the reporting currency,
     * {@code unconverted} the part without, in {@code currency}.
     */
    public record Row(String key, String status, String stage, String currency, long leads, long opportunities,
            BigDecimal value, BigDecimal converted, BigDecimal unconverted) {

        static final Comparator<Row> ORDER = Comparator.comparing(Row::key, Figures.byKey())
                .thenComparing(Row::status, Figures.inOrder(STATUSES))
                .thenComparing(Row::stage, Figures.inOrder(Figures.STAGES))
                .thenComparing(Row::currency, Figures.byKey());
    }

    private static final List<String> STATUSES = Arrays.stream(LeadStatus.values()).map(Enum::name).toList();
}

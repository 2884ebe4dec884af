package io.leadbridge.reporting;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a {@link ReportFilter}: conditions on a row of the report facts ({@code f}, a
 * {@code report_lead} or {@code report_offer}, which both carry the lead's arrival, campaign,
 * product, segment and its account's country, region and industry) and, where a report counts
 * partners, on a partner id column, with their named parameters. The period comes first, so that
 * the database can start from {@code received_at} (or, for one partner or campaign, from the
 * indexes that begin with those).
 */
final class LeadConditions {

    private final ReportFilter filter;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private LeadConditions(ReportFilter filter) {
        this.filter = filter;
        where.add("f.received_at >= :from");
        where.add("f.received_at < :to");
        params.put("from", Timestamp.from(filter.period().from()));
        params.put("to", Timestamp.from(filter.period().to()));
        add("f.country", "country", filter.country());
        add("f.region", "region", filter.region());
        add("f.segment", "segment", filter.segment());
        add("f.industry", "industry", filter.industry());
        add("f.product", "product", filter.product());
        add("f.campaign", "campaign", filter.campaign());
        if (filter.partner() != null) {
            params.put("partner", filter.partner());
        }
        if (filter.tier() != null) {
            params.put("tier", filter.tier().name());
        }
    }

    /** The lead-level filters: period, country, region, segment, industry, product, campaign. */
    static LeadConditions of(ReportFilter filter) {
        return new LeadConditions(filter);
    }

    /** Adds the partner and tier filters on this partner id column (null columns never match them). */
    LeadConditions partnerOn(String column) {
        if (filter.narrowsPartners()) {
            where.add(partnerMatch(column));
        }
        return this;
    }

    /** Adds a condition of the caller's own, e.g. an {@code exists} over the lead's offers. */
    LeadConditions and(String condition) {
        where.add(condition);
        return this;
    }

    /**
     * The partner and tier filters on a partner id column as one condition, for use inside a
     * sub-query ({@code 1 = 1} without them).
     */
    String partnerMatch(String column) {
        List<String> match = new ArrayList<>();
        if (filter.partner() != null) {
            match.add(column + " = :partner");
        }
        if (filter.tier() != null) {
            match.add(column + " in (select tp.id from partner tp where tp.tier = :tier)");
        }
        return match.isEmpty() ? "1 = 1" : "(" + String.join(" and ", match) + ")";
    }

    String where() {
        return " where " + String.join(" and ", where);
    }

    Map<String, Object> params() {
        return params;
    }

    private void add(String column, String name, Object value) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }
}

package io.leadbridge.reporting;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a {@link ReportFilter}: conditions on a lead ({@code l}) and its account ({@code a})
 * and, where a report counts partners, on a partner id column, with their named parameters. The
 * period comes first, so that the database can start from {@code lead.created_at} (or, for one
 * partner or campaign, from the indexes that begin with those).
 */
final class LeadConditions {

    private static final String ACCOUNT_JOIN = "\njoin account a on a.id = l.account_id";

    private final ReportFilter filter;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private LeadConditions(ReportFilter filter) {
        this.filter = filter;
        where.add("l.created_at >= :from");
        where.add("l.created_at < :to");
        params.put("from", Timestamp.from(filter.period().from()));
        params.put("to", Timestamp.from(filter.period().to()));
        add("a.country", "country", filter.country());
        add("a.region", "region", filter.region());
        add("l.segment", "segment", filter.segment());
        add("a.industry", "industry", filter.industry());
        add("l.product", "product", filter.product());
        add("l.campaign", "campaign", filter.campaign());
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

    /**
     * The join of the lead's account ({@code a}) when a filter reads it, else nothing: a lead always
     * has an account, so leaving the join out changes no count, and saves hashing every account.
     */
    String accountJoin() {
        return readsAccount() ? ACCOUNT_JOIN : "";
    }

    /** The join of the lead's account, also when only the caller reads it (e.g. to group by country). */
    String accountJoin(boolean callerReadsAccount) {
        return callerReadsAccount ? ACCOUNT_JOIN : accountJoin();
    }

    private boolean readsAccount() {
        return filter.country() != null || filter.region() != null || filter.industry() != null;
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

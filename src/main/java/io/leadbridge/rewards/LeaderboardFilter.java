package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.reporting.ReportFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report filters a leaderboard applies in SQL (read and checked as every report's, by
 * {@link io.leadbridge.reporting.ReportFilter}): the lead's account country and region, segment,
 * industry, product and campaign, and the partner's tier. A null filter matches everything. In SQL
 * the lead's report facts are {@code f} ({@code report_lead}) and the partner {@code p}.
 */
record LeaderboardFilter(String country, String region, String segment, String industry, String product,
        String campaign, PartnerTier tier) {

    /** No filter: every lead and partner. */
    static final LeaderboardFilter NONE = new LeaderboardFilter(null, null, null, null, null, null, null);

    static LeaderboardFilter of(ReportFilter filter) {
        return new LeaderboardFilter(filter.country(), filter.region(), filter.segment(), filter.industry(),
                filter.product(), filter.campaign(), filter.tier());
    }

    /** Adds this filter's conditions and their parameters. */
    void appendTo(List<String> where, Map<String, Object> params) {
        Map<String, String> columns = Map.of("country", "f.country", "region", "f.region", "segment", "f.segment",
                "industry", "f.industry", "product", "f.product", "campaign", "f.campaign", "tier", "p.tier");
        inUse().forEach((name, value) -> {
            where.add(columns.get(name) + " = :" + name);
            params.put(name, value);
        });
    }

    /**
     * The join these filters need from a table whose lead id column is {@code leadId}: the lead's
     * report facts ({@code f}) only when a filter reads the lead. {@code p}, the partner, is the
     * caller's to join.
     */
    String leadJoins(String leadId) {
        return readsLead() ? "\njoin report_lead f on f.lead_id = " + leadId : "";
    }

    /** Whether a filter reads the lead or its account. */
    boolean readsLead() {
        return country != null || region != null || industry != null || segment != null || product != null
                || campaign != null;
    }

    /** The filters in use, by parameter name. */
    Map<String, String> inUse() {
        Map<String, String> used = new LinkedHashMap<>();
        putGiven(used, "country", country);
        putGiven(used, "region", region);
        putGiven(used, "segment", segment);
        putGiven(used, "industry", industry);
        putGiven(used, "product", product);
        putGiven(used, "campaign", campaign);
        putGiven(used, "tier", tier == null ? null : tier.name());
        return used;
    }

    private static void putGiven(Map<String, String> used, String name, String value) {
        if (value != null) {
            used.put(name, value);
        }
    }
}

package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report filters of a leaderboard: the lead's account country and region, segment, industry,
 * product and campaign, and the partner's tier. A null filter matches everything. In SQL the
 * lead's report facts are {@code f} ({@code report_lead}) and the partner {@code p}.
 */
record ReportFilter(String country, String region, String segment, String industry, String product, String campaign,
        PartnerTier tier) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Z][A-Z_]{0,19}");
    private static final int MAX_TEXT = 120;

    /** Reads the query parameters; every problem is added to {@code errors}, named by its parameter. */
    static ReportFilter parse(String country, String region, String segment, String industry, String product,
            String campaign, String tier, List<FieldError> errors) {
        String countryCode = given(country);
        if (countryCode != null && !COUNTRIES.contains(countryCode)) {
            errors.add(new FieldError("country", "'" + countryCode + "' is not an ISO 3166 alpha-2 country code such as DE"));
        }
        String regionCode = given(region);
        if (regionCode != null && !REGION.matcher(regionCode).matches()) {
            errors.add(new FieldError("region", "'" + regionCode + "' is not an ISO 3166-2 region code such as US-CA"));
        } else if (regionCode != null && countryCode != null && !regionCode.startsWith(countryCode + "-")) {
            errors.add(new FieldError("region", regionCode + " does not lie in " + countryCode));
        }
        String segmentName = given(segment);
        if (segmentName != null && !SEGMENT.matcher(segmentName).matches()) {
            errors.add(new FieldError("segment", "'" + segmentName + "' is not a segment such as SMB, MID_MARKET or ENTERPRISE"));
        }
        PartnerTier partnerTier = null;
        String tierName = given(tier);
        if (tierName != null) {
            try {
                partnerTier = PartnerTier.valueOf(tierName);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("tier", "'" + tierName + "' is not one of " + Arrays.toString(PartnerTier.values())));
            }
        }
        return new ReportFilter(countryCode, regionCode, segmentName, text("industry", industry, errors),
                text("product", product, errors), text("campaign", campaign, errors), partnerTier);
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

    private static String text(String parameter, String value, List<FieldError> errors) {
        String text = given(value);
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError(parameter, "must be at most " + MAX_TEXT + " characters"));
        }
        return text;
    }

    /** Null for a parameter left out; an empty one is treated as left out too. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

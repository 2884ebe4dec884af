package io.leadbridge.reporting;

import io.leadbridge.web.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a report may group its rows by ({@code groupBy}): the filter dimensions. The partner (and
 * its tier) of a row is the partner the report counts a lead or an offer for; see each report.
 */
public enum ReportDimension {
    PARTNER, TIER, COUNTRY, REGION, SEGMENT, INDUSTRY, PRODUCT, CAMPAIGN;

    /** The name a query string uses: {@code partner}, {@code tier}, ... */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension the query parameter {@code groupBy} names; 400 naming {@code groupBy} otherwise. */
    static ReportDimension parse(String text) {
        return Arrays.stream(values()).filter(d -> d.parameter().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException("groupBy", "'" + text + "' is not one of "
                        + names(List.of(values()))));
    }

    static String names(List<ReportDimension> dimensions) {
        return String.join(", ", dimensions.stream().map(ReportDimension::parameter).toList());
    }
}

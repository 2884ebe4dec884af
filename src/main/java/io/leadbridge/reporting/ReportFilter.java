package io.leadbridge.reporting;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The filters of a report, read from its query parameters: the leads received in {@code period}
 * (by {@code lead.created_at}), of a partner and a partner tier, of an account country, region and
 * industry, of a segment, product and campaign, and how to group the rows. A null filter matches
 * everything; filters combine with "and".
 *
 * <p>Every broken parameter is named in one 400: an unknown parameter (a typo must not widen a
 * report silently), one given twice or empty, a date that is not ISO, a {@code to} not after
 * {@code from}, an unknown tier, segment, country, region or {@code groupBy}.
 */
public record ReportFilter(ReportPeriod period, String partner, PartnerTier tier, String country, String region,
        String segment, String industry, String product, String campaign, ReportDimension groupBy) {

    /** Left out, {@code to} is now and {@code from} this long before it. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
    /** The segments lead-qualification.dmn gives (and partners may name). */
    public static final List<String> SEGMENTS = List.of("SMB", "MID_MARKET", "ENTERPRISE");
    /** The parameters every report reads; {@code format} is read by {@link ReportFormat}. */
    static final List<String> PARAMETERS = List.of("from", "to", "partner", "tier", "country", "region", "segment",
            "industry", "product", "campaign", "groupBy", "format");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /**
     * Reads the query parameters. {@code alsoAllowed} names parameters the caller reads itself
     * (a report of its own, such as a leaderboard's {@code limit}); any other unknown one is 400.
     */
    public static ReportFilter parse(MultiValueMap<String, String> query, Instant now, String... alsoAllowed) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>(PARAMETERS);
        known.addAll(Arrays.asList(alsoAllowed));
        query.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name ->
                errors.add(new FieldError(name, "is not a report parameter; use " + String.join(", ", PARAMETERS))));
        Values values = new Values(query, errors);

        ReportPeriod period = null;
        try {
            period = ReportPeriod.parse(values.raw("from"), values.raw("to"), now, DEFAULT_PERIOD);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        PartnerTier tier = values.oneOf("tier", List.of(PartnerTier.values()));
        String segment = values.get("segment");
        if (segment != null && !SEGMENTS.contains(segment)) {
            errors.add(new FieldError("segment", "'" + segment + "' is not one of " + String.join(", ", SEGMENTS)));
        }
        String country = values.get("country");
        if (country != null && !COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "'" + country + "' is not an ISO 3166 alpha-2 country code such as DE"));
        }
        String region = values.get("region");
        if (region != null && !REGION.matcher(region).matches()) {
            errors.add(new FieldError("region", "'" + region + "' is not an ISO 3166-2 region code such as US-CA"));
        } else if (region != null && country != null && !region.startsWith(country + "-")) {
            errors.add(new FieldError("region", region + " does not lie in " + country));
        }
        ReportDimension groupBy = null;
        String groupByText = values.get("groupBy");
        if (groupByText != null) {
            try {
                groupBy = ReportDimension.parse(groupByText);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        ReportFilter filter = new ReportFilter(period, values.get("partner"), tier, country, region, segment,
                values.get("industry"), values.get("product"), values.get("campaign"), groupBy);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return filter;
    }

    /**
     * The filter as this caller may use it. A partner user (a rep or a partner's CRM credential)
     * always gets its own partner's figures: without {@code partner} the filter is narrowed to its
     * partner; naming another partner is 403, never an empty answer that looks like "no data".
     * Vendor users keep the filter as given.
     */
    public ReportFilter forCaller(Caller caller) {
        if (!caller.isPartnerUser()) {
            return this;
        }
        if (partner != null && !partner.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only report on your own partner ('" + caller.partnerId() + "')");
        }
        return withPartner(caller.partnerId());
    }

    public ReportFilter withPartner(String partnerId) {
        return new ReportFilter(period, partnerId, tier, country, region, segment, industry, product, campaign, groupBy);
    }

    /** Whether the report counts only some partners' offers or leads. */
    public boolean narrowsPartners() {
        return partner != null || tier != null;
    }

    /** 400 naming {@code groupBy} when the report cannot group by the dimension asked for. */
    public ReportDimension groupBy(List<ReportDimension> allowed, ReportDimension otherwise, String report) {
        if (groupBy == null) {
            return otherwise;
        }
        if (!allowed.contains(groupBy)) {
            throw new InvalidInputException("groupBy", allowed.isEmpty()
                    ? "the " + report + " is not grouped; narrow it with the filters instead"
                    : "the " + report + " groups by " + ReportDimension.names(allowed) + " only");
        }
        return groupBy;
    }

    /** 400 naming each given parameter the report takes from elsewhere (e.g. the scorecard's partner from the path). */
    void refuse(String why, String... parameters) {
        List<FieldError> errors = new ArrayList<>();
        for (String parameter : parameters) {
            boolean given = switch (parameter) {
                case "partner" -> partner != null;
                case "tier" -> tier != null;
                case "groupBy" -> groupBy != null;
                default -> throw new IllegalArgumentException(parameter);
            };
            if (given) {
                errors.add(new FieldError(parameter, why));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The single, non-empty values of the query, with each problem recorded against its parameter. */
    private record Values(MultiValueMap<String, String> query, List<FieldError> errors) {

        /** The value as given (trimmed), null when left out; ReportPeriod judges empty dates itself. */
        String raw(String name) {
            List<String> all = query.get(name);
            if (all == null || all.isEmpty()) {
                return null;
            }
            if (all.size() > 1) {
                errors.add(new FieldError(name, "give it once"));
                return null;
            }
            return all.get(0) == null ? "" : all.get(0);
        }

        String get(String name) {
            String value = raw(name);
            if (value != null && value.isBlank()) {
                errors.add(new FieldError(name, "must not be empty; leave it out to include everything"));
                return null;
            }
            return value == null ? null : value.trim();
        }

        <E extends Enum<E>> E oneOf(String name, List<E> constants) {
            String value = get(name);
            if (value == null) {
                return null;
            }
            return constants.stream().filter(c -> c.name().equalsIgnoreCase(value)).findFirst().orElseGet(() -> {
                errors.add(new FieldError(name, "'" + value + "' is not one of "
                        + String.join(", ", constants.stream().map(Enum::name).toList())));
                return null;
            });
        }
    }
}

package io.leadbridge.partner;

import java.time.Instant;
import java.util.Set;

/**
 * What a rep covers and how much it can take: the leads automatic dispatch may give it. An empty
 * set covers everything of its kind (a generalist); a rep covers a lead's country when it lists the
 * country or the lead's region.
 */
public record RepProfile(
        String username,
        String partnerId,
        int capacity,
        Set<String> countries,
        Set<String> regions,
        Set<String> products,
        Set<String> industries,
        Set<String> languages,
        Instant awayFrom,
        Instant awayUntil,
        String standIn,
        Instant updatedAt,
        String updatedBy) {

    /** Out of office at this moment: from {@code awayFrom} (inclusive) until {@code awayUntil} (exclusive). */
    public boolean awayAt(Instant now) {
        return awayFrom != null && awayUntil != null && !now.isBefore(awayFrom) && now.isBefore(awayUntil);
    }

    /** Covers the lead's country (the country listed, or the lead's region listed), or any country. */
    public boolean coversTerritory(String country, String region) {
        if (countries.isEmpty() && regions.isEmpty()) {
            return true;
        }
        return (country != null && countries.contains(country)) || (region != null && regions.contains(region));
    }

    public boolean covers(Set<String> listed, String value) {
        return listed.isEmpty() || value == null || listed.contains(value);
    }
}

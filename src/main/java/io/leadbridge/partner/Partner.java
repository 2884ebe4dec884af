package io.leadbridge.partner;

import java.time.Instant;
import java.util.Set;

/** A channel partner and what it covers. */
public record Partner(
        String id,
        String name,
        PartnerTier tier,
        PartnerStatus status,
        int capacity,
        String managerEmail,
        Set<String> countries,
        Set<String> regions,
        Set<String> industries,
        Set<String> segments,
        Set<String> competencies,
        Set<String> certifications,
        Set<String> products,
        Instant createdAt,
        Instant updatedAt) {

    /** The Camunda group whose members are this partner's reps. */
    public String groupId() {
        return groupIdOf(id);
    }

    public static String groupIdOf(String partnerId) {
        return "partner-" + partnerId;
    }

    /** Whether the partner covers the whole country. */
    public boolean coversCountry(String country) {
        return countries.contains(country);
    }

    /** Whether the partner covers the region (ISO 3166-2) specifically. */
    public boolean coversRegion(String region) {
        return region != null && regions.contains(region);
    }

    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }
}

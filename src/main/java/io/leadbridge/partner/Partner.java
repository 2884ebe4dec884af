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

    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }
}

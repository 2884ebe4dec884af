package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadStatus;
import java.util.EnumSet;
import java.util.Set;

/** The statuses a partner CRM may sync onto a lead it holds ({@code PUT /api/leads/{id}/status}). */
public enum SyncedStatus {
    CONTACTED, NOT_REACHABLE, OPPORTUNITY, WON, LOST;

    /** What a lead in {@code status} may be synced to: forward, or the same status again as a progress note. */
    public static Set<SyncedStatus> allowedFrom(LeadStatus status) {
        return switch (status) {
            case ACCEPTED -> EnumSet.allOf(SyncedStatus.class);
            case CONTACTED -> EnumSet.of(CONTACTED, OPPORTUNITY, WON, LOST);
            case OPPORTUNITY -> EnumSet.of(OPPORTUNITY, WON, LOST);
            default -> EnumSet.noneOf(SyncedStatus.class);
        };
    }
}

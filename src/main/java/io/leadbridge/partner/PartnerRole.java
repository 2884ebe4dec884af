package io.leadbridge.partner;

/** What a partner's user does inside the partner. */
public enum PartnerRole {
    /** Works the leads assigned to it (and the team queue, if the partner keeps one). */
    REP,
    /**
     * Sees all the partner's leads and tasks, dispatches and reassigns them among the reps and edits
     * their profiles; also in Camunda group {@code partner-<id>-managers}.
     */
    LEAD_MANAGER
}

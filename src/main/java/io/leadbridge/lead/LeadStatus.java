package io.leadbridge.lead;

/** Where a lead stands in its life. */
public enum LeadStatus {
    NEW, QUALIFIED, OFFERED, ACCEPTED, CONTACTED, OPPORTUNITY, WON, LOST, UNASSIGNED, INSIDE_SALES, NURTURE, DISQUALIFIED;

    /** True once nothing more will happen to the lead. */
    public boolean isClosed() {
        return this == WON || this == LOST || this == NURTURE || this == DISQUALIFIED;
    }
}

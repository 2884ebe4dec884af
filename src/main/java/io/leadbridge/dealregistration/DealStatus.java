package io.leadbridge.dealregistration;

/** Where a deal registration stands. */
public enum DealStatus {
    /** Stored; the conflict check and the approval table have not answered yet. */
    REGISTERED,
    /** A channel manager reviews it. */
    IN_REVIEW,
    /** Approved: the partner is protected on the account for the registered products. */
    APPROVED,
    /** Turned down, with the reason the partner was told. */
    REJECTED,
    /** The protection period is over. */
    EXPIRED,
    /** No status update came in time: flagged, and its protection ended early. */
    STALE,
    /** The partner reported the deal won: it keeps the account as its win; the protection is over. */
    WON,
    /** The partner reported the deal lost, with a reason; the protection is over. */
    LOST;

    /** Open or approved registrations hold the account for their products. */
    boolean holdsAccount() {
        return this == REGISTERED || this == IN_REVIEW || this == APPROVED;
    }
}

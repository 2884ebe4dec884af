package io.leadbridge.standing;

/** What a partner did wrong to earn a strike. */
public enum StrikeKind {
    /** An offer ran out without an answer. */
    ACCEPT_SLA_MISSED,
    /** An accepted lead went without a reported first contact. */
    CONTACT_SLA_MISSED,
    /** The customer says nobody called. */
    CUSTOMER_NOT_CONTACTED
}

package io.leadbridge.dealregistration;

/** What the automatic conflict check found for a registration (the dealApproval table's first input). */
public enum DealConflict {
    NONE,
    /** Another partner is protected on the account: a named account or an approved registration. */
    PROTECTED_FOR_ANOTHER_PARTNER,
    /** Another partner holds an open lead from the account for one of the products. */
    OPEN_LEAD_OF_ANOTHER_PARTNER,
    /** Another partner has an open registration for the account and one of the products. */
    OPEN_DEAL_OF_ANOTHER_PARTNER,
    /** The same partner registered the account and product before, and that registration is open or approved. */
    DUPLICATE
}

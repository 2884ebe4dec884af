package io.leadbridge.partner;

/** Whether a partner receives new leads. */
public enum PartnerStatus {
    ACTIVE, INACTIVE
}

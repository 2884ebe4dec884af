package io.leadbridge.partner;

/** How a partner stands with the vendor. A SUSPENDED partner receives no new offers. */
public enum Standing {
    GOOD, WARNED, SUSPENDED
}

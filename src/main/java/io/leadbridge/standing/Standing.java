package io.leadbridge.standing;

/** How a partner stands with the vendor. A SUSPENDED partner receives no new offers. */
public enum Standing {
    GOOD, WARNED, SUSPENDED
}

package io.leadbridge.partner;

/** Partner programme tiers, lowest first: a requirement for GOLD is met by GOLD and PLATINUM. */
public enum PartnerTier {
    REGISTERED, SILVER, GOLD, PLATINUM;

    public boolean meets(PartnerTier minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }
}

package io.leadbridge.partner;

/**
 * How a partner hands its offers to its reps. {@code teamQueue}: every rep also sees the partner's
 * offers no rep holds (and every open offer, as before issue 14); off, a rep sees only what is
 * assigned to it. {@code manualDispatch}: the partner's lead managers assign every offer by hand.
 */
public record PartnerDispatch(String partnerId, boolean teamQueue, boolean manualDispatch) {

    /** A partner that never chose: team queue on, automatic dispatch. */
    public static PartnerDispatch byDefault(String partnerId) {
        return new PartnerDispatch(partnerId, true, false);
    }
}

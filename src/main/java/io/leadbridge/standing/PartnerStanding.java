package io.leadbridge.standing;

import io.leadbridge.partner.Standing;
import java.time.Instant;

/**
 * A partner's current standing, since when, and how often it was warned and suspended. A
 * partner without a row in {@code partner_standing} is GOOD and never warned or suspended.
 */
public record PartnerStanding(String partnerId, Standing standing, Instant since, int warnings, int suspensions) {

    static PartnerStanding good(String partnerId) {
        return new PartnerStanding(partnerId, Standing.GOOD, null, 0, 0);
    }

    public boolean isSuspended() {
        return standing == Standing.SUSPENDED;
    }

    PartnerStanding warned(Instant now) {
        return new PartnerStanding(partnerId, Standing.WARNED, now, warnings + 1, suspensions);
    }

    PartnerStanding suspended(Instant now) {
        return new PartnerStanding(partnerId, Standing.SUSPENDED, now, warnings, suspensions + 1);
    }

    PartnerStanding good(Instant now) {
        return new PartnerStanding(partnerId, Standing.GOOD, now, warnings, suspensions);
    }
}

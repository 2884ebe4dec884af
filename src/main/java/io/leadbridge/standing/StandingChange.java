package io.leadbridge.standing;

import io.leadbridge.partner.Standing;
import java.time.Instant;

/** One entry of a partner's standing history: the standing it got or kept, who decided and why. */
public record StandingChange(Standing standing, Instant occurredAt, String actor, String note) {
}

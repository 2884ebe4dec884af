package io.leadbridge.notification;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadbridge.notifications.manager-digest}: the lead managers' daily digest of their partner's
 * open offers.
 *
 * @param enabled      whether digests are written at all (default on)
 * @param at           the local time of day from which each partner's digest is due, in the partner's time
 *                     zone (its calendar's, else the vendor's); default 08:00
 * @param pollInterval how often the application looks for digests that are due (default 5 minutes); a digest
 *                     goes out at the first look at or after {@code at}
 * @param background   whether the application looks by itself (default on; tests call
 *                     {@link ManagerDigest#writeDue()} themselves)
 */
@ConfigurationProperties(prefix = "leadbridge.notifications.manager-digest")
public record ManagerDigestProperties(Boolean enabled, LocalTime at, Duration pollInterval, Boolean background) {

    public ManagerDigestProperties {
        enabled = enabled == null || enabled;
        at = at == null ? LocalTime.of(8, 0) : at;
        pollInterval = pollInterval == null ? Duration.ofMinutes(5) : pollInterval;
        background = background == null || background;
    }
}

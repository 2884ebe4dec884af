package io.leadbridge.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound webhooks ({@code leadbridge.webhooks.*} in application.yaml).
 *
 * @param connectTimeout how long to wait for the partner's server to accept the connection
 * @param requestTimeout how long to wait for its answer; a slower answer counts as a failed attempt
 * @param allowHttp whether a webhook may use plain {@code http}; off: {@code https} only
 * @param allowedPrivateHosts host names (as written in the webhook's URL, e.g. {@code crm.intranet} or
 *        {@code 127.0.0.1}) that may resolve to loopback or private addresses: for on-premise partner
 *        systems and tests. Every other host must resolve to public addresses only.
 * @param workerEnabled whether the worker delivers in the background (woken by new deliveries and every
 *        {@code pollInterval}); off only in tests, which call {@link WebhookWorker#deliverDue()} themselves
 * @param workerThreads how many deliveries the webhook worker attempts at the same time at most; its own
 *        threads, never the process engine's job threads
 * @param pollInterval how often the worker looks for deliveries due (a retry whose wait is over, a delivery
 *        whose worker died); a new delivery wakes it at once
 * @param lockTime how long a worker holds a delivery it is attempting before another may take it over;
 *        longer than {@code connectTimeout} and {@code requestTimeout} together
 * @param retryBackoff the waits before the second, third, ... attempt; when the attempt after the last
 *        wait fails too, the delivery is FAILED and Camunda raises an incident
 */
@ConfigurationProperties(prefix = "leadbridge.webhooks")
public record WebhookProperties(Duration connectTimeout, Duration requestTimeout, boolean allowHttp,
        Set<String> allowedPrivateHosts, Boolean workerEnabled, int workerThreads, Duration pollInterval, Duration lockTime,
        List<Duration> retryBackoff) {

    public WebhookProperties {
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
        if (requestTimeout == null) {
            requestTimeout = Duration.ofSeconds(10);
        }
        allowedPrivateHosts = allowedPrivateHosts == null ? Set.of()
                : allowedPrivateHosts.stream().filter(h -> h != null && !h.isBlank())
                        .map(ReceiverAddressPolicy::hostKey).collect(Collectors.toUnmodifiableSet());
        if (workerEnabled == null) {
            workerEnabled = true;
        }
        if (workerThreads <= 0) {
            workerThreads = 2;
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(2);
        }
        Duration oneAttempt = connectTimeout.plus(requestTimeout);
        if (lockTime == null) {
            lockTime = Duration.ofMinutes(1);
        }
        if (lockTime.compareTo(oneAttempt) <= 0) {
            throw new IllegalArgumentException("leadbridge.webhooks.lock-time (" + lockTime
                    + ") must be longer than connect-timeout and request-timeout together (" + oneAttempt + ")");
        }
        retryBackoff = retryBackoff == null || retryBackoff.isEmpty()
                ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2))
                : List.copyOf(retryBackoff);
    }

    boolean isAllowedPrivateHost(String host) {
        return allowedPrivateHosts.contains(ReceiverAddressPolicy.hostKey(host));
    }

    /**
     * The retries left after a failed attempt, given the retries Camunda held before it (null before the
     * first failure): as many as {@code retryBackoff} has waits, then one fewer each time.
     */
    int retriesAfterFailure(Integer retriesBefore) {
        return retriesBefore == null ? retryBackoff.size() : Math.max(0, retriesBefore - 1);
    }

    /** The wait before the next attempt when {@code retriesLeft} remain; none when there is no next attempt. */
    Duration waitBeforeRetry(int retriesLeft) {
        if (retriesLeft <= 0) {
            return Duration.ZERO;
        }
        return retryBackoff.get(Math.max(0, retryBackoff.size() - retriesLeft));
    }
}

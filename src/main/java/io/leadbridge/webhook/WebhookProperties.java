package io.leadbridge.webhook;

import java.time.Duration;
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
 */
@ConfigurationProperties(prefix = "leadbridge.webhooks")
public record WebhookProperties(Duration connectTimeout, Duration requestTimeout, boolean allowHttp,
        Set<String> allowedPrivateHosts) {

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
    }

    boolean isAllowedPrivateHost(String host) {
        return allowedPrivateHosts.contains(ReceiverAddressPolicy.hostKey(host));
    }
}

package io.leadbridge.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound webhooks ({@code leadbridge.webhooks.*} in application.yaml).
 *
 * @param connectTimeout how long to wait for the partner's server to accept the connection
 * @param requestTimeout how long to wait for its answer; a slower answer counts as a failed attempt
 */
@ConfigurationProperties(prefix = "leadbridge.webhooks")
public record WebhookProperties(Duration connectTimeout, Duration requestTimeout) {

    public WebhookProperties {
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
        if (requestTimeout == null) {
            requestTimeout = Duration.ofSeconds(10);
        }
    }
}

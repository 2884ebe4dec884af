package io.leadbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook worker's settings: the retry schedule it reports to Camunda, and a lock that outlasts an attempt. */
class WebhookPropertiesTest {

    private static final WebhookProperties DEFAULTS = new WebhookProperties(null, null, false, null, null, 0, null,
            null, null);

    @Test
    void fiveAttemptsWaitingOneFiveThirtyMinutesAndTwoHoursThenNoRetryLeft() {
        List<Duration> waits = new ArrayList<>();
        Integer retries = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            int left = DEFAULTS.retriesAfterFailure(retries);
            waits.add(DEFAULTS.waitBeforeRetry(left));
            retries = left;
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ZERO);
        assertThat(retries).as("the fifth failure leaves none: Camunda raises the incident").isZero();
    }

    @Test
    void aRetryFromCockpitWithOneRetryGivesOneMoreAttempt() {
        assertThat(DEFAULTS.retriesAfterFailure(1)).isZero();
    }

    @Test
    void aLockShorterThanOneAttemptIsRefusedAtStartNamingTheSettings() {
        assertThatThrownBy(() -> new WebhookProperties(Duration.ofSeconds(10), Duration.ofSeconds(10), false, null,
                null, 0, null, Duration.ofSeconds(15), null))
                .hasMessageContaining("leadbridge.webhooks.lock-time").hasMessageContaining("connect-timeout");
    }
}

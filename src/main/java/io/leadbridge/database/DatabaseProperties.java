package io.leadbridge.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Leadbridge waits for its database, and how often it tries again
 * ({@code leadbridge.database.*} in application.yaml).
 *
 * @param deadlockAttempts how often a transaction that lost a deadlock or a serialization conflict is run in all
 *        (the first run included) before its caller gets the failure
 * @param deadlockBackoff the pause before the second run; each further run waits this much longer, plus up to
 *        as much again at random, so that two nodes retrying the same conflict do not meet again
 * @param healthTimeout how long one health indicator (the database's, the mail server's, ...) may take; one that
 *        has not answered by then reports DOWN
 */
@ConfigurationProperties(prefix = "leadbridge.database")
public record DatabaseProperties(Integer deadlockAttempts, Duration deadlockBackoff, Duration healthTimeout) {

    public DatabaseProperties {
        if (deadlockAttempts == null) {
            deadlockAttempts = 3;
        }
        if (deadlockAttempts < 1) {
            throw new IllegalArgumentException("leadbridge.database.deadlock-attempts must be at least 1");
        }
        if (deadlockBackoff == null) {
            deadlockBackoff = Duration.ofMillis(50);
        }
        if (healthTimeout == null) {
            healthTimeout = Duration.ofSeconds(1);
        }
    }
}

package io.leadbridge.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mail sender ({@code leadbridge.notifications.*} in application.yaml): it sends queued mails on
 * threads of its own, never on the process engine's job threads, so a slow mail server delays mail
 * and nothing else.
 *
 * @param senderThreads how many mails are sent at the same time at most
 * @param pollInterval how often the sender looks for mails due again (a retry, a crashed sender's claim)
 * @param claimTime how long a sender holds a mail it is sending before another may take it over; longer
 *        than the mail client's connect, read and write timeouts together
 * @param firstRetry the wait after a failed attempt; it doubles with every further failure
 * @param maxRetry the longest wait between two attempts; a mail is retried until it goes out
 */
@ConfigurationProperties(prefix = "leadbridge.notifications")
public record NotificationProperties(int senderThreads, Duration pollInterval, Duration claimTime,
        Duration firstRetry, Duration maxRetry) {

    public NotificationProperties {
        if (senderThreads <= 0) {
            senderThreads = 2;
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(30);
        }
        if (claimTime == null) {
            claimTime = Duration.ofMinutes(2);
        }
        if (firstRetry == null) {
            firstRetry = Duration.ofMinutes(1);
        }
        if (maxRetry == null) {
            maxRetry = Duration.ofMinutes(30);
        }
    }

    /** The wait before attempt number {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}

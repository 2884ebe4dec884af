package io.leadbridge.contactcheck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Customer contact checks ({@code leadbridge.contact-check.*} in application.yaml).
 *
 * @param answerWindow how long the customer's links work after the mail is sent; an unanswered
 *                     check is recorded UNANSWERED when it is over
 * @param secret       the key of the links' HMAC-SHA256 signature: at least 32 characters, the
 *                     same on every node, and never the development default in production
 */
@ConfigurationProperties(prefix = "leadbridge.contact-check")
public record ContactCheckProperties(Duration answerWindow, String secret) {

    /** Every development default of the secret starts so; the application warns when it runs with one. */
    static final String DEVELOPMENT_SECRET_PREFIX = "dev-only-";
    static final int MIN_SECRET_LENGTH = 32;

    public ContactCheckProperties {
        if (answerWindow == null) {
            answerWindow = Duration.ofDays(7);
        }
        if (answerWindow.isNegative() || answerWindow.isZero()) {
            throw new IllegalArgumentException("leadbridge.contact-check.answer-window must be positive, is "
                    + answerWindow);
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("leadbridge.contact-check.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters (set LEADBRIDGE_CONTACT_CHECK_SECRET)");
        }
    }

    boolean developmentSecret() {
        return secret.startsWith(DEVELOPMENT_SECRET_PREFIX);
    }

    @Override
    public String toString() {
        return "ContactCheckProperties[answerWindow=" + answerWindow + ", secret=(hidden)]";
    }
}

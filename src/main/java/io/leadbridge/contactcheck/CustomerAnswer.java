package io.leadbridge.contactcheck;

import java.util.Locale;
import java.util.Optional;

/** The customer's answer to "Has the partner contacted you?". */
public enum CustomerAnswer {
    YES, NO;

    /** {@code yes} or {@code no} as the answer page posts it, in any case; anything else is no answer. */
    static Optional<CustomerAnswer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "yes" -> Optional.of(YES);
            case "no" -> Optional.of(NO);
            default -> Optional.empty();
        };
    }
}

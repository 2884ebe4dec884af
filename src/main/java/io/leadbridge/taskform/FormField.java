package io.leadbridge.taskform;

import io.leadbridge.web.ControlCharacters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of a Camunda Form: the variable it writes ({@code key}), its type and the rules the
 * form gives it. A read-only field shows a fact of the lead; a submission may send it back
 * unchanged (Tasklist does), never with another value.
 */
record FormField(String key, String type, boolean readonly, List<String> values, BigDecimal min, Integer maxLength,
        Pattern pattern) {

    /** What is wrong with {@code value} for this field, given the variable's {@code current} value; empty if nothing. */
    Optional<String> problemWith(Object value, Object current) {
        if (readonly) {
            return sameValue(value, current) ? Optional.empty()
                    : Optional.of("is shown read-only on the form and cannot be changed");
        }
        if (value == null) {
            return Optional.empty();
        }
        return switch (type) {
            case "radio", "select" -> value instanceof String text && values.contains(text) ? Optional.empty()
                    : Optional.of("must be one of " + values);
            case "number" -> number(value);
            case "checkbox" -> value instanceof Boolean || "true".equals(value) || "false".equals(value)
                    ? Optional.empty() : Optional.of("must be true or false");
            case "datetime" -> dateTime(value);
            default -> text(value);
        };
    }

    private Optional<String> text(Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("must be text");
        }
        String unreadable = ControlCharacters.problem(text, "textarea".equals(type));
        if (unreadable != null) {
            return Optional.of(unreadable);
        }
        if (maxLength != null && text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (pattern != null && !text.isBlank() && !pattern.matcher(text.trim()).matches()) {
            return Optional.of("must match " + pattern.pattern());
        }
        return Optional.empty();
    }

    private Optional<String> number(Object value) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString())
                    : value instanceof String text && !text.isBlank() ? new BigDecimal(text.trim()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            return value instanceof String text && text.isBlank() ? Optional.empty() : Optional.of("must be a number");
        }
        if (min != null && number.compareTo(min) < 0) {
            return Optional.of("must be at least " + min.toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<String> dateTime(Object value) {
        if (value instanceof Date) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                return Optional.empty();
            }
            try {
                if (trimmed.length() == 10) {
                    LocalDate.parse(trimmed);
                } else {
                    OffsetDateTime.parse(trimmed);
                }
                return Optional.empty();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        return Optional.of("must be a date (yyyy-MM-dd) or a date and time (ISO-8601 with offset)");
    }

    /** Tasklist sends a missing text back as "", and a number shown in a text field as a number. */
    private static boolean sameValue(Object value, Object current) {
        String sent = value == null ? "" : value.toString().trim();
        String held = current == null ? "" : current.toString().trim();
        if (sent.equals(held)) {
            return true;
        }
        try {
            return !sent.isEmpty() && !held.isEmpty() && new BigDecimal(sent).compareTo(new BigDecimal(held)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

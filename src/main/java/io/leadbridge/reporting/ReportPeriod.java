package io.leadbridge.reporting;

import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a report covers, from (inclusive) to (exclusive), in UTC. Each end is an ISO instant
 * ({@code 2026-05-01T00:00:00Z}) or an ISO date: a date as {@code from} starts at its midnight, a
 * date as {@code to} includes that whole day, so {@code from=2026-05-01&to=2026-05-31} is all of
 * May. Left out, {@code to} is now and {@code from} is the default length before {@code to}.
 */
public record ReportPeriod(Instant from, Instant to) {

    private static final String FORMAT = "must be an ISO date (2026-05-01) or instant (2026-05-01T00:00:00Z)";

    /** Reads the query parameters {@code from} and {@code to}; every problem is named by its parameter. */
    public static ReportPeriod parse(String fromText, String toText, Instant now, Duration defaultLength) {
        List<FieldError> errors = new ArrayList<>();
        Instant given = fromText == null ? null : read("from", fromText, false, errors);
        Instant to = toText == null ? now : read("to", toText, true, errors);
        Instant from = fromText != null ? given : to == null ? null : to.minus(defaultLength);
        if (errors.isEmpty() && !from.isBefore(to)) {
            errors.add(toText == null
                    ? new FieldError("from", "must be before now (" + now + ") when to is left out")
                    : new FieldError("to", "must be after from (" + from + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportPeriod(from, to);
    }

    private static Instant read(String parameter, String text, boolean endOfDay, List<FieldError> errors) {
        String value = text.trim();
        if (value.isEmpty()) {
            errors.add(new FieldError(parameter, "must not be empty; leave it out for the default"));
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                errors.add(new FieldError(parameter, "'" + value + "' " + FORMAT));
                return null;
            }
        }
    }
}

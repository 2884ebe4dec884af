package io.leadbridge.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** ISO-8601 durations as written in decision tables ({@code PT4H}, {@code P2D}, {@code P1DT12H}, {@code P1W}). */
public final class IsoDurations {

    private IsoDurations() {
    }

    /** The instant {@code duration} after {@code start}; rejects anything that is not a positive ISO-8601 duration. */
    public static Instant after(Instant start, String duration) {
        if (duration == null || duration.isBlank() || !duration.startsWith("P")) {
            throw new IllegalArgumentException("not an ISO-8601 duration: '" + duration + "'");
        }
        int timeStart = duration.indexOf('T');
        String datePart = timeStart < 0 ? duration : duration.substring(0, timeStart);
        String timePart = timeStart < 0 ? null : "P" + duration.substring(timeStart);
        try {
            Instant result = start;
            if (datePart.length() > 1) {
                Period period = Period.parse(datePart);
                result = result.atOffset(ZoneOffset.UTC).plus(period).toInstant();
            }
            if (timePart != null) {
                result = result.plus(Duration.parse(timePart));
            }
            if (!result.isAfter(start)) {
                throw new IllegalArgumentException("duration must be positive: '" + duration + "'");
            }
            return result;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: '" + duration + "'", e);
        }
    }

    /**
     * The period of a repeating ISO-8601 cycle as Camunda timers take it ({@code R/P7D} every 7 days
     * for ever, {@code R4/P1W} four times weekly); rejects anything else.
     */
    public static String periodOfCycle(String cycle) {
        if (cycle == null || !cycle.matches("R\\d*/P.+")) {
            throw new IllegalArgumentException("not an ISO-8601 repeating cycle like R/P7D: '" + cycle + "'");
        }
        String period = cycle.substring(cycle.indexOf('/') + 1);
        after(Instant.EPOCH, period);
        return period;
    }
}

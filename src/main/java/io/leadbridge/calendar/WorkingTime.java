package io.leadbridge.calendar;

import io.leadbridge.calendar.WorkingCalendar.Hours;
import io.leadbridge.config.IsoDurations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counting in working time: the instant a working duration after a start ends, and the working
 * time between two instants, both in one {@link WorkingCalendar}. Pure functions.
 *
 * <p>An ISO-8601 duration counted in working time ({@link #workingDuration}): hours and minutes
 * are working hours and minutes, a day ({@code P1D}) is one working day of the calendar's hours
 * ({@code 09:00-17:00}: 8 working hours), a week ({@code P1W}) as many working days as the calendar
 * has in a week. Months and years are refused: nobody can say how many working hours they are.
 */
public final class WorkingTime {

    /** How far ahead a due instant is looked for: a calendar that never works fails, it does not loop. */
    static final int MAX_DAYS = 3 * 366;

    private static final Pattern DATE_PART = Pattern.compile("P(?:(\\d+)W)?(?:(\\d+)D)?");

    private WorkingTime() {
    }

    /** The instant {@code duration} (ISO-8601) after {@code start}, counted on {@code clock}. */
    public static Instant after(SlaClock clock, WorkingCalendar calendar, Instant start, String duration) {
        return clock == SlaClock.WORKING ? add(calendar, start, workingDuration(calendar, duration))
                : IsoDurations.after(start, duration);
    }

    /**
     * The instant {@code working} working time after {@code start}. A start outside working hours
     * counts from the next opening; a duration that ends exactly at closing time ends then, not at
     * the next opening.
     */
    public static Instant add(WorkingCalendar calendar, Instant start, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + working);
        }
        Duration left = working;
        LocalDate date = calendar.local(start).toLocalDate().minusDays(1);
        for (int i = 0; i <= MAX_DAYS; i++, date = date.plusDays(1)) {
            Optional<Hours> hours = calendar.hoursOn(date);
            if (hours.isEmpty() || !hours.get().to().isAfter(start)) {
                continue;
            }
            Instant from = hours.get().from().isAfter(start) ? hours.get().from() : start;
            if (left.isZero()) {
                return from;
            }
            Duration available = Duration.between(from, hours.get().to());
            if (left.compareTo(available) <= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalArgumentException("the calendar has no working time within " + MAX_DAYS + " days of "
                + start);
    }

    /** The working time between {@code from} and {@code to} (zero if {@code to} is not after {@code from}). */
    public static Duration between(WorkingCalendar calendar, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = calendar.local(to).toLocalDate().plusDays(1);
        for (LocalDate date = calendar.local(from).toLocalDate().minusDays(1); !date.isAfter(last);
                date = date.plusDays(1)) {
            Optional<Hours> hours = calendar.hoursOn(date);
            if (hours.isPresent()) {
                Instant start = hours.get().from().isAfter(from) ? hours.get().from() : from;
                Instant end = hours.get().to().isBefore(to) ? hours.get().to() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * An ISO-8601 duration as working time in {@code calendar}: {@code PT8H} 8 working hours,
     * {@code P1D} one working day's hours, {@code P1W} a working week's; months and years refused.
     */
    public static Duration workingDuration(WorkingCalendar calendar, String duration) {
        IsoDurations.after(Instant.EPOCH, duration);
        int timeStart = duration.indexOf('T');
        String datePart = timeStart < 0 ? duration : duration.substring(0, timeStart);
        Matcher m = DATE_PART.matcher(datePart);
        if (!m.matches()) {
            throw new IllegalArgumentException("a working-time duration counts weeks, days, hours and minutes, "
                    + "not months or years: '" + duration + "'");
        }
        long weeks = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long days = (m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                + weeks * calendar.workingDays().size();
        Duration result = calendar.workingDay().multipliedBy(days);
        if (timeStart >= 0) {
            result = result.plus(Duration.parse("P" + duration.substring(timeStart)));
        }
        return result;
    }
}

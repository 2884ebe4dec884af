package io.leadbridge.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a party works: its time zone, working days, daily working hours (wall-clock time in that
 * zone, the same every working day) and the days it does not work although they are working days
 * (public holidays, the partner's own closures). Pure data; {@link WorkingTime} counts with it.
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
        DaysOff daysOff) {

    /** Days a calendar does not work although they fall on a working day. */
    @FunctionalInterface
    public interface DaysOff {

        DaysOff NONE = date -> false;

        boolean isOff(LocalDate date);

        default DaysOff or(DaysOff other) {
            return date -> isOff(date) || other.isOff(date);
        }
    }

    public WorkingCalendar {
        if (zone == null) {
            throw new IllegalArgumentException("timeZone is required");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("workingDays must name at least one day");
        }
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("working hours must open before they close (opens " + opens
                    + ", closes " + closes + ")");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        daysOff = daysOff == null ? DaysOff.NONE : daysOff;
    }

    /** Monday to Friday, {@code opens} to {@code closes}, no days off: the shape most calendars have. */
    public static WorkingCalendar weekdays(ZoneId zone, LocalTime opens, LocalTime closes, DaysOff daysOff) {
        return new WorkingCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes, daysOff);
    }

    /** The working hours of one working day ({@link Duration} of a wall-clock day, DST aside). */
    public Duration workingDay() {
        return Duration.between(opens, closes);
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !daysOff.isOff(date);
    }

    /** The instants the party works on {@code date}, if it does. */
    public Optional<Hours> hoursOn(LocalDate date) {
        if (!isWorkingDay(date)) {
            return Optional.empty();
        }
        // ZonedDateTime.of moves a wall-clock time that a DST change skips forward by the gap.
        Instant from = ZonedDateTime.of(date, opens, zone).toInstant();
        Instant to = ZonedDateTime.of(date, closes, zone).toInstant();
        return from.isBefore(to) ? Optional.of(new Hours(from, to)) : Optional.empty();
    }

    /** The time {@code instant} shows in this calendar's zone. */
    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }

    /** One working day's hours as instants, {@code from} before {@code to}. */
    public record Hours(Instant from, Instant to) {
    }
}

package io.leadbridge.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a party's working calendar is set: time zone (IANA, {@code America/New_York}), the country
 * (ISO 3166-1) and region (ISO 3166-2, {@code DE-BY}) whose public holidays it keeps, its working
 * days and the hours it works on them, in its own zone.
 */
public record CalendarSettings(ZoneId timeZone, String country, String region, Set<DayOfWeek> workingDays,
        LocalTime opens, LocalTime closes) {

    public CalendarSettings {
        workingDays = workingDays == null ? null : Set.copyOf(workingDays);
    }

    /** Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** The days as stored: {@code MONDAY,TUESDAY,...} in week order. */
    String workingDaysText() {
        return String.join(",", EnumSet.copyOf(workingDays).stream().map(DayOfWeek::name).toList());
    }

    static Set<DayOfWeek> workingDaysOf(String text) {
        return Set.copyOf(List.of(text.split(",")).stream().map(String::trim).map(DayOfWeek::valueOf).toList());
    }
}

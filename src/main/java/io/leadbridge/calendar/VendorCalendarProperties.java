package io.leadbridge.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadbridge.vendor-calendar}: the vendor's working calendar, for the vendor's own tasks
 * (support review, manual distribution) and for partners without a calendar of their own.
 * Defaults: UTC, no country (no public holidays), Monday to Friday 09:00-17:00.
 */
@ConfigurationProperties(prefix = "leadbridge.vendor-calendar")
public record VendorCalendarProperties(String timeZone, String country, String region, Set<DayOfWeek> workingDays,
        LocalTime opens, LocalTime closes) {

    public VendorCalendarProperties {
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
        // Fails the start with the setting's name rather than the first offer.
        try {
            ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("leadbridge.vendor-calendar.time-zone: unknown time zone '"
                    + timeZone + "'", e);
        }
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(java.util.Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.trim().toUpperCase(java.util.Locale.ROOT);
        workingDays = workingDays == null || workingDays.isEmpty() ? CalendarSettings.WEEKDAYS : Set.copyOf(workingDays);
        opens = opens == null ? LocalTime.of(9, 0) : opens;
        closes = closes == null ? LocalTime.of(17, 0) : closes;
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("leadbridge.vendor-calendar: opens " + opens
                    + " must be before closes " + closes);
        }
    }

    CalendarSettings settings() {
        return new CalendarSettings(ZoneId.of(timeZone), country, region, workingDays, opens, closes);
    }
}

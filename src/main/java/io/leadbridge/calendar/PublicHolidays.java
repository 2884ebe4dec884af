package io.leadbridge.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.leadbridge.calendar.WorkingCalendar.DaysOff;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Public holidays by country (ISO 3166-1 alpha-2) and region (ISO 3166-2, {@code DE-BY}), from the
 * Jollyday library, which is maintained with the holiday laws: a release of it is a holiday update.
 * Only public holidays count (not bank holidays or observances); where a holiday is observed on
 * another day (US: a Sunday's holiday on the Monday), both days are off.
 */
@Component
public class PublicHolidays {

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /** Whether the library knows the country; a region is checked by {@link #check}. */
    public boolean knowsCountry(String country) {
        return country != null && HolidayManager.getSupportedCalendarCodes().stream()
                .anyMatch(code -> code.equalsIgnoreCase(country.trim()));
    }

    /**
     * Refuses a country the library does not know or a region that is not one of the country's
     * (a region of another country, a typo), naming which.
     */
    public void check(String country, String region) {
        if (!knowsCountry(country)) {
            throw new IllegalArgumentException("country '" + country + "' has no holiday calendar");
        }
        String subdivision = subdivision(country, region);
        if (subdivision != null && !manager(country).getCalendarHierarchy().getChildren().containsKey(subdivision)) {
            throw new IllegalArgumentException("region '" + region + "' is not a region of " + country
                    + " with its own holidays");
        }
    }

    /** The public holidays of the country (and region, if given) as days off. */
    public DaysOff of(String country, String region) {
        check(country, region);
        String subdivision = subdivision(country, region);
        return date -> holidays(country, subdivision, date.getYear()).contains(date);
    }

    private Set<LocalDate> holidays(String country, String subdivision, int year) {
        String key = country + "/" + subdivision + "/" + year;
        return byYear.computeIfAbsent(key, k -> {
            String[] args = subdivision == null ? new String[0] : new String[] {subdivision};
            Set<LocalDate> days = new HashSet<>();
            for (Holiday holiday : manager(country).getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, args)) {
                days.add(holiday.getDate());
                holiday.getObservedDate().ifPresent(days::add);
            }
            return Set.copyOf(days);
        });
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(country.toLowerCase(Locale.ROOT),
                code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }

    /** {@code DE-BY} → {@code by}; a bare {@code BY} is taken too. */
    static String subdivision(String country, String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String r = region.trim().toLowerCase(Locale.ROOT);
        String prefix = country.toLowerCase(Locale.ROOT) + "-";
        return r.startsWith(prefix) ? r.substring(prefix.length()) : r;
    }
}

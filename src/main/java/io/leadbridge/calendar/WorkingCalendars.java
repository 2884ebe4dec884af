package io.leadbridge.calendar;

import io.leadbridge.calendar.WorkingCalendar.DaysOff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The working calendar in force for a partner or for the vendor, as data says now: the partner's
 * own settings (else the vendor's), the public holidays of its country and region, and its
 * closures. Due instants are worked out once, when a timer is set, with the calendar of that
 * moment; a closure added later does not move a timer already set.
 */
@Service
public class WorkingCalendars {

    private final PartnerCalendarRepository repository;
    private final PublicHolidays holidays;
    private final VendorCalendarProperties vendor;

    WorkingCalendars(PartnerCalendarRepository repository, PublicHolidays holidays, VendorCalendarProperties vendor) {
        this.repository = repository;
        this.holidays = holidays;
        this.vendor = vendor;
        if (vendor.country() != null) {
            holidays.check(vendor.country(), vendor.region());
        }
    }

    /** The partner's own calendar settings, or the vendor's for a partner without its own. */
    public CalendarSettings settingsOf(String partnerId) {
        return repository.find(partnerId).orElseGet(vendor::settings);
    }

    /** Whether the partner has calendar settings of its own. */
    public boolean hasOwnCalendar(String partnerId) {
        return repository.find(partnerId).isPresent();
    }

    public ZoneId zoneOf(String partnerId) {
        return settingsOf(partnerId).timeZone();
    }

    public WorkingCalendar ofPartner(String partnerId) {
        List<Closure> closures = repository.closures(partnerId);
        DaysOff closed = date -> closures.stream().anyMatch(c -> c.covers(date));
        return calendar(settingsOf(partnerId), closed);
    }

    public WorkingCalendar ofVendor() {
        return calendar(vendor.settings(), DaysOff.NONE);
    }

    /** The instant {@code duration} after {@code start} in the partner's working time or in calendar time. */
    public Instant partnerDue(SlaClock clock, String partnerId, Instant start, String duration) {
        return clock == SlaClock.WORKING ? WorkingTime.after(clock, ofPartner(partnerId), start, duration)
                : WorkingTime.after(clock, null, start, duration);
    }

    /** The instant {@code duration} after {@code start} in the vendor's working time or in calendar time. */
    public Instant vendorDue(SlaClock clock, Instant start, String duration) {
        return WorkingTime.after(clock, clock == SlaClock.WORKING ? ofVendor() : null, start, duration);
    }

    /** Half of the time from {@code start} to {@code due}, counted on {@code clock} in {@code calendar}. */
    public static Instant halfway(SlaClock clock, WorkingCalendar calendar, Instant start, Instant due) {
        if (clock != SlaClock.WORKING) {
            return start.plus(Duration.between(start, due).dividedBy(2));
        }
        return WorkingTime.add(calendar, start, WorkingTime.between(calendar, start, due).dividedBy(2));
    }

    private WorkingCalendar calendar(CalendarSettings settings, DaysOff closures) {
        DaysOff off = settings.country() == null ? closures
                : holidays.of(settings.country(), settings.region()).or(closures);
        return new WorkingCalendar(settings.timeZone(), settings.workingDays(), settings.opens(), settings.closes(),
                off);
    }
}

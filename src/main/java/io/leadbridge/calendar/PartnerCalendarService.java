package io.leadbridge.calendar;

import io.leadbridge.config.LeadClock;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import io.leadbridge.web.IsoCountry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's calendar and closures as channel managers and the partner's own reps keep them.
 * Who may do what: everyone who may see the partner reads them; channel managers and the
 * partner's reps change them (the rule the partner's API credentials follow); a partner CRM and
 * other vendor users read only.
 */
@Service
public class PartnerCalendarService {

    private static final Logger log = LoggerFactory.getLogger(PartnerCalendarService.class);

    /** More closures than this for one partner is a mistake or an attack, not a holiday plan. */
    static final int MAX_CLOSURES = 200;
    /** A closure longer than a year is a partner that stopped working: deactivate it instead. */
    static final long MAX_CLOSURE_DAYS = 366;

    private final PartnerCalendarRepository repository;
    private final WorkingCalendars calendars;
    private final PublicHolidays holidays;
    private final PartnerService partners;
    private final LeadClock clock;

    PartnerCalendarService(PartnerCalendarRepository repository, WorkingCalendars calendars, PublicHolidays holidays,
            PartnerService partners, LeadClock clock) {
        this.repository = repository;
        this.calendars = calendars;
        this.holidays = holidays;
        this.partners = partners;
        this.clock = clock;
    }

    public CalendarView calendar(String partnerId, Caller caller) {
        requireMayRead(partnerId, caller);
        return view(partnerId);
    }

    @Transactional
    public CalendarView setCalendar(String partnerId, CalendarRequest request, Caller caller) {
        requireMayChange(partnerId, caller);
        return setCalendar(partnerId, request, caller.username());
    }

    /** Sets the calendar in the name of {@code by} without asking who may (demo data, data loads). */
    @Transactional
    public CalendarView setCalendar(String partnerId, CalendarRequest request, String by) {
        partners.get(partnerId);
        CalendarSettings settings = settings(request);
        repository.save(partnerId, settings, by);
        log.info("partner {}: working calendar set by {}: {} {}-{} in {}, holidays of {}", partnerId,
                by, settings.workingDaysText(), settings.opens(), settings.closes(),
                settings.timeZone(), settings.country() == null ? "no country"
                        : settings.country() + (settings.region() == null ? "" : " " + settings.region()));
        return view(partnerId);
    }

    public List<Closure> closures(String partnerId, Caller caller) {
        requireMayRead(partnerId, caller);
        return repository.closures(partnerId);
    }

    public Closure closure(String partnerId, long closureId, Caller caller) {
        requireMayRead(partnerId, caller);
        return repository.closure(partnerId, closureId).orElseThrow(() -> ApiException.notFound(
                "partner '" + partnerId + "' has no closure " + closureId));
    }

    @Transactional
    public Closure addClosure(String partnerId, ClosureRequest request, Caller caller) {
        requireMayChange(partnerId, caller);
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.now(), calendars.zoneOf(partnerId));
        if (request.firstDay() != null && request.lastDay() != null) {
            if (request.lastDay().isBefore(request.firstDay())) {
                errors.add(new FieldError("lastDay", "must not be before firstDay " + request.firstDay()));
            } else if (ChronoUnit.DAYS.between(request.firstDay(), request.lastDay()) + 1 > MAX_CLOSURE_DAYS) {
                errors.add(new FieldError("lastDay", "a closure lasts at most " + MAX_CLOSURE_DAYS + " days"));
            }
            if (request.lastDay().isBefore(today.minusYears(1)) || request.firstDay().isAfter(today.plusYears(5))) {
                errors.add(new FieldError("firstDay", "a closure must lie between a year ago and five years ahead"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.closures(partnerId).size() >= MAX_CLOSURES) {
            throw ApiException.conflict("partner '" + partnerId + "' has " + MAX_CLOSURES
                    + " closures already; remove past ones first");
        }
        Closure closure = repository.addClosure(partnerId, request.firstDay(), request.lastDay(),
                request.reason() == null || request.reason().isBlank() ? null : request.reason().trim(),
                caller.username());
        log.info("partner {}: closed {} to {} ({}), entered by {}", partnerId, closure.firstDay(), closure.lastDay(),
                closure.reason(), caller.username());
        return closure;
    }

    @Transactional
    public void removeClosure(String partnerId, long closureId, Caller caller) {
        requireMayChange(partnerId, caller);
        if (!repository.removeClosure(partnerId, closureId)) {
            throw ApiException.notFound("partner '" + partnerId + "' has no closure " + closureId);
        }
        log.info("partner {}: closure {} removed by {}", partnerId, closureId, caller.username());
    }

    private CalendarView view(String partnerId) {
        CalendarSettings s = calendars.settingsOf(partnerId);
        return new CalendarView(partnerId, calendars.hasOwnCalendar(partnerId) ? "PARTNER" : "VENDOR",
                s.timeZone().getId(), s.country(), s.region(),
                EnumSet.copyOf(s.workingDays()).stream().map(Enum::name).toList(), s.opens(), s.closes());
    }

    private CalendarSettings settings(CalendarRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.timeZone().trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "'" + request.timeZone() + "' is not a time zone such as "
                    + "America/New_York"));
        }
        String country = request.country() == null ? null : request.country().trim().toUpperCase(Locale.ROOT);
        String region = request.region() == null || request.region().isBlank() ? null
                : request.region().trim().toUpperCase(Locale.ROOT);
        if (region != null && country == null) {
            errors.add(new FieldError("region", "needs the country it belongs to"));
        } else if (country != null) {
            if (!holidays.knowsCountry(country)) {
                errors.add(new FieldError("country", "'" + country + "' has no public holiday calendar"));
            } else if (region != null) {
                if (!region.startsWith(country + "-")) {
                    errors.add(new FieldError("region", "'" + region + "' is not a region of " + country));
                } else {
                    try {
                        holidays.check(country, region);
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError("region", e.getMessage()));
                    }
                }
            }
        }
        Set<DayOfWeek> days = request.workingDays() == null || request.workingDays().isEmpty()
                ? CalendarSettings.WEEKDAYS : Set.copyOf(request.workingDays());
        LocalTime opens = request.opens() == null ? LocalTime.of(9, 0) : request.opens();
        LocalTime closes = request.closes() == null ? LocalTime.of(17, 0) : request.closes();
        if (!opens.isBefore(closes)) {
            errors.add(new FieldError("closes", "must be after opens " + opens + " (working hours within one day)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CalendarSettings(zone, country, region, days, opens, closes);
    }

    private void requireMayRead(String partnerId, Caller caller) {
        if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner's calendar");
        }
        partners.get(partnerId);
    }

    private void requireMayChange(String partnerId, Caller caller) {
        if (caller.isPartnerCrm()) {
            throw ApiException.forbidden("an API credential cannot change the partner's calendar; a rep of the "
                    + "partner or a channel manager can");
        }
        if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only change your own partner's calendar");
        }
        if (!caller.isPartnerUser() && !caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers and the partner's reps may change its calendar");
        }
        partners.get(partnerId);
    }

    /** What {@code PUT .../calendar} takes; days, opens and closes default to Monday-Friday 09:00-17:00. */
    public record CalendarRequest(
            @NotBlank @Size(max = 64) String timeZone,
            @IsoCountry String country,
            @Pattern(regexp = "[A-Za-z]{2}-[A-Za-z0-9]{1,3}", message = "must be an ISO 3166-2 region code such as DE-BY")
            String region,
            @Size(max = 7) Set<@NotNull DayOfWeek> workingDays,
            LocalTime opens, LocalTime closes) {
    }

    /** What {@code POST .../closures} takes: whole days in the partner's time zone, both ends included. */
    public record ClosureRequest(@NotNull LocalDate firstDay, @NotNull LocalDate lastDay, @Size(max = 200) String reason) {
    }

    /**
     * A partner's calendar as the API shows it; {@code source} VENDOR when the partner has none of
     * its own and works on the vendor's.
     */
    public record CalendarView(String partnerId, String source, String timeZone, String country, String region,
            List<String> workingDays, LocalTime opens, LocalTime closes) {
    }
}

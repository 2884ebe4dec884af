package io.leadbridge.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.calendar.WorkingCalendar.DaysOff;
import io.leadbridge.config.IsoDurations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingTimeTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final PublicHolidays HOLIDAYS = new PublicHolidays();

    static final WorkingCalendar NEW_YORK_OFFICE = WorkingCalendar.weekdays(NEW_YORK, LocalTime.of(9, 0),
            LocalTime.of(17, 0), DaysOff.NONE);

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static ZonedDateTime local(ZoneId zone, Instant instant) {
        return instant.atZone(zone);
    }

    @Test
    void eightWorkingHoursFromFridayAfternoonInNewYorkEndOnMondayAfternoon() {
        Instant due = WorkingTime.after(SlaClock.WORKING, NEW_YORK_OFFICE, at(NEW_YORK, "2026-12-04T16:00"), "PT8H");

        assertThat(due).isEqualTo(at(NEW_YORK, "2026-12-07T16:00"));
        assertThat(local(NEW_YORK, due).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void aWorkingDayIsTheCalendarsWorkingHoursOfOneDay() {
        assertThat(WorkingTime.after(SlaClock.WORKING, NEW_YORK_OFFICE, at(NEW_YORK, "2026-12-04T16:00"), "P1D"))
                .isEqualTo(at(NEW_YORK, "2026-12-07T16:00"));
        assertThat(WorkingTime.workingDuration(NEW_YORK_OFFICE, "P1W")).isEqualTo(Duration.ofHours(40));
        assertThat(WorkingTime.workingDuration(NEW_YORK_OFFICE, "P1DT30M")).isEqualTo(Duration.ofMinutes(8 * 60 + 30));
    }

    @Test
    void calendarTimeIsTheWallClockAsBefore() {
        Instant start = at(NEW_YORK, "2026-12-04T16:00");
        for (String duration : new String[] {"PT8H", "P1D", "P2D", "PT30M", "P1W"}) {
            assertThat(WorkingTime.after(SlaClock.CALENDAR, NEW_YORK_OFFICE, start, duration))
                    .isEqualTo(IsoDurations.after(start, duration));
        }
        assertThat(WorkingTime.after(SlaClock.CALENDAR, NEW_YORK_OFFICE, start, "PT8H"))
                .isEqualTo(at(NEW_YORK, "2026-12-05T00:00"));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            // before opening: counts from the opening
            "2026-12-07T07:00, PT2H, 2026-12-07T11:00",
            // after closing on Friday: counts from Monday's opening
            "2026-12-04T18:00, PT1H, 2026-12-07T10:00",
            // on a Saturday
            "2026-12-05T12:00, PT8H, 2026-12-07T17:00",
            // ends exactly at closing: then, not at the next opening
            "2026-12-07T09:00, PT8H, 2026-12-07T17:00",
            // across a whole week: 40 working hours from Monday 09:00 is Friday 17:00
            "2026-12-07T09:00, P1W, 2026-12-11T17:00",
            "2026-12-07T16:59, PT2M, 2026-12-08T09:01"})
    void countsOnlyTheWorkingHoursOfWorkingDays(String start, String duration, String due) {
        assertThat(WorkingTime.after(SlaClock.WORKING, NEW_YORK_OFFICE, at(NEW_YORK, start), duration))
                .isEqualTo(at(NEW_YORK, due));
    }

    @Test
    void aPublicHolidayIsNotWorked() {
        // Thanksgiving 2026 is Thursday 26 November.
        WorkingCalendar us = WorkingCalendar.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0),
                HOLIDAYS.of("US", "US-NY"));
        assertThat(WorkingTime.after(SlaClock.WORKING, us, at(NEW_YORK, "2026-11-25T16:00"), "PT8H"))
                .isEqualTo(at(NEW_YORK, "2026-11-27T16:00"));
        // Christmas Day 2026 is a Friday: Thursday afternoon's 8 hours end on Monday.
        assertThat(WorkingTime.after(SlaClock.WORKING, us, at(NEW_YORK, "2026-12-24T16:00"), "PT8H"))
                .isEqualTo(at(NEW_YORK, "2026-12-28T16:00"));
    }

    @Test
    void aGermanRegionalHolidayIsOffOnlyInItsRegion() {
        // Epiphany (6 January 2027, a Wednesday) is a public holiday in Bavaria, not in Berlin.
        WorkingCalendar munich = WorkingCalendar.weekdays(BERLIN, LocalTime.of(8, 0), LocalTime.of(16, 0),
                HOLIDAYS.of("DE", "DE-BY"));
        WorkingCalendar berlin = WorkingCalendar.weekdays(BERLIN, LocalTime.of(8, 0), LocalTime.of(16, 0),
                HOLIDAYS.of("DE", "DE-BE"));
        Instant tuesday = at(BERLIN, "2027-01-05T15:00");

        assertThat(WorkingTime.after(SlaClock.WORKING, munich, tuesday, "PT8H")).isEqualTo(at(BERLIN, "2027-01-07T15:00"));
        assertThat(WorkingTime.after(SlaClock.WORKING, berlin, tuesday, "PT8H")).isEqualTo(at(BERLIN, "2027-01-06T15:00"));
        // Corpus Christi, Thursday 4 June 2026: Bavaria again.
        assertThat(munich.isWorkingDay(LocalDate.parse("2026-06-04"))).isFalse();
        assertThat(berlin.isWorkingDay(LocalDate.parse("2026-06-04"))).isTrue();
    }

    @Test
    void aPartnersClosureIsNotWorked() {
        LocalDate from = LocalDate.parse("2026-12-07");
        LocalDate to = LocalDate.parse("2026-12-08");
        WorkingCalendar closedMondayAndTuesday = WorkingCalendar.weekdays(NEW_YORK, LocalTime.of(9, 0),
                LocalTime.of(17, 0), date -> !date.isBefore(from) && !date.isAfter(to));

        assertThat(WorkingTime.after(SlaClock.WORKING, closedMondayAndTuesday, at(NEW_YORK, "2026-12-04T16:00"), "PT8H"))
                .isEqualTo(at(NEW_YORK, "2026-12-09T16:00"));
    }

    @Test
    void workingHoursFollowTheWallClockAcrossADaylightSavingChange() {
        // New York leaves daylight saving time on Sunday 1 November 2026: Friday 16:00 EDT + 8 h is Monday 16:00 EST.
        Instant due = WorkingTime.after(SlaClock.WORKING, NEW_YORK_OFFICE, at(NEW_YORK, "2026-10-30T16:00"), "PT8H");
        assertThat(local(NEW_YORK, due).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-02T16:00"));
        assertThat(Duration.between(at(NEW_YORK, "2026-10-30T16:00"), due)).isEqualTo(Duration.ofHours(73));

        // Berlin skips 02:00-03:00 on Sunday 29 March 2026: a night shift from 00:00 to 06:00 has 5 hours that night.
        WorkingCalendar nights = new WorkingCalendar(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
                LocalTime.of(6, 0), DaysOff.NONE);
        assertThat(WorkingTime.between(nights, at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(WorkingTime.add(nights, at(BERLIN, "2026-03-29T00:00"), Duration.ofHours(5)))
                .isEqualTo(at(BERLIN, "2026-03-29T06:00"));
        assertThat(WorkingTime.add(nights, at(BERLIN, "2026-03-29T00:00"), Duration.ofHours(6)))
                .isEqualTo(at(BERLIN, "2026-03-30T01:00"));
    }

    @Test
    void countsAcrossMidnightIntoTheNextWorkingDay() {
        WorkingCalendar tokyo = new WorkingCalendar(ZoneId.of("Asia/Tokyo"), EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(8, 0), LocalTime.of(20, 0), DaysOff.NONE);
        Instant start = at(ZoneId.of("Asia/Tokyo"), "2026-12-31T19:00");

        assertThat(WorkingTime.add(tokyo, start, Duration.ofHours(3))).isEqualTo(at(ZoneId.of("Asia/Tokyo"),
                "2027-01-01T10:00"));
        assertThat(WorkingTime.between(tokyo, start, at(ZoneId.of("Asia/Tokyo"), "2027-01-01T10:00")))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void measuresOnlyWorkingTimeBetweenTwoInstants() {
        assertThat(WorkingTime.between(NEW_YORK_OFFICE, at(NEW_YORK, "2026-12-04T16:00"), at(NEW_YORK, "2026-12-07T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(WorkingTime.between(NEW_YORK_OFFICE, at(NEW_YORK, "2026-12-05T10:00"), at(NEW_YORK, "2026-12-06T10:00")))
                .isZero();
        assertThat(WorkingTime.between(NEW_YORK_OFFICE, at(NEW_YORK, "2026-12-07T10:00"), at(NEW_YORK, "2026-12-07T09:00")))
                .isZero();
        // add and between agree
        Instant start = at(NEW_YORK, "2026-12-03T11:17");
        Instant due = WorkingTime.add(NEW_YORK_OFFICE, start, Duration.ofMinutes(1234));
        assertThat(WorkingTime.between(NEW_YORK_OFFICE, start, due)).isEqualTo(Duration.ofMinutes(1234));
    }

    @Test
    void refusesWhatCannotBeCountedInWorkingTime() {
        assertThatThrownBy(() -> WorkingTime.workingDuration(NEW_YORK_OFFICE, "P1M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not months or years");
        assertThatThrownBy(() -> WorkingTime.workingDuration(NEW_YORK_OFFICE, "8 hours"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ISO-8601 duration");
        WorkingCalendar neverOpen = WorkingCalendar.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0),
                date -> true);
        assertThatThrownBy(() -> WorkingTime.add(neverOpen, Instant.parse("2026-12-04T12:00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time");
        assertThatThrownBy(() -> new WorkingCalendar(NEW_YORK, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0),
                LocalTime.of(17, 0), DaysOff.NONE)).hasMessageContaining("workingDays");
        assertThatThrownBy(() -> WorkingCalendar.weekdays(NEW_YORK, LocalTime.of(17, 0), LocalTime.of(9, 0),
                DaysOff.NONE)).hasMessageContaining("open before they close");
    }

    @Test
    void knowsCountriesAndTheirRegions() {
        HOLIDAYS.check("DE", "DE-BY");
        HOLIDAYS.check("US", null);
        assertThatThrownBy(() -> HOLIDAYS.check("XX", null)).hasMessageContaining("country 'XX'");
        assertThatThrownBy(() -> HOLIDAYS.check("DE", "DE-ZZ")).hasMessageContaining("region 'DE-ZZ'");
        assertThatThrownBy(() -> HOLIDAYS.check("US", "DE-BY")).hasMessageContaining("region 'DE-BY'");
    }

    @Test
    void slaClockReadsTheTablesWords() {
        assertThat(SlaClock.of(null)).isEqualTo(SlaClock.CALENDAR);
        assertThat(SlaClock.of(" ")).isEqualTo(SlaClock.CALENDAR);
        assertThat(SlaClock.of("working")).isEqualTo(SlaClock.WORKING);
        assertThat(SlaClock.of("Calendar")).isEqualTo(SlaClock.CALENDAR);
        assertThatThrownBy(() -> SlaClock.of("business")).hasMessageContaining("\"calendar\" or \"working\"");
    }
}

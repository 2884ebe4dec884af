package io.leadbridge.calendar;

import java.util.Locale;

/**
 * How the sla-policy table's durations are counted: {@code calendar} time (wall clock, around the
 * clock, weekends included; the default) or {@code working} time of the party who must act.
 */
public enum SlaClock {
    CALENDAR, WORKING;

    /** The table's text ({@code "calendar"}, {@code "working"}); no value means calendar time. */
    public static SlaClock of(Object text) {
        if (text == null || text.toString().isBlank()) {
            return CALENDAR;
        }
        String value = text.toString().trim();
        for (SlaClock clock : values()) {
            if (clock.label().equals(value.toLowerCase(Locale.ROOT))) {
                return clock;
            }
        }
        throw new IllegalArgumentException("clock must be \"calendar\" or \"working\", is '" + value + "'");
    }

    /** As analysts write it in the table. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

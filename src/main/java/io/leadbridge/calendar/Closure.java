package io.leadbridge.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** A partner's own closure (company holiday): whole days in its time zone, both ends included. */
public record Closure(long id, String partnerId, LocalDate firstDay, LocalDate lastDay, String reason,
        String createdBy, Instant createdAt) {

    boolean covers(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }
}

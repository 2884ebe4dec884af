package io.leadbridge.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A marketing campaign: {@code code} is what its leads carry in {@code campaign}, {@code cost} what
 * it cost in {@code currency}, and it ran from {@code startsOn} to {@code endsOn} (open while null).
 */
public record Campaign(String code, String name, String channel, BigDecimal cost, String currency, LocalDate startsOn,
        LocalDate endsOn, Instant createdAt, Instant updatedAt) {
}

package io.leadbridge.reporting;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The rate of one currency in one calendar month (UTC): one unit of {@code currency} is worth
 * {@code rate} units of {@code reportingCurrency}.
 *
 * @param month "YYYY-MM"
 */
public record ExchangeRate(String currency, String month, BigDecimal rate, String reportingCurrency,
        Instant updatedAt, String updatedBy) {
}

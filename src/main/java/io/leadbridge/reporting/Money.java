package io.leadbridge.reporting;

import java.math.BigDecimal;

/** An amount in a currency (ISO 4217 code), as reports show it. */
public record Money(String currency, BigDecimal amount) {
}

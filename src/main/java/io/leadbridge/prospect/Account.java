package io.leadbridge.prospect;

import java.math.BigDecimal;

/** A prospect company, known by its internet domain. */
public record Account(long id, String name, String domain, String industry, String country, Integer employees,
        BigDecimal annualRevenue, String region) {
}

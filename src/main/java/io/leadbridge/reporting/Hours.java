package io.leadbridge.reporting;

import java.math.BigDecimal;

/**
 * A duration's median and 90th percentile in hours (2 decimals), interpolated between the two
 * nearest values as {@code percentile_cont} does ({@link Durations}); left out when nothing was
 * measured.
 */
public record Hours(BigDecimal median, BigDecimal p90) {
}

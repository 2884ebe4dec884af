package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Median and 90th percentile as {@code percentile_cont} interpolates them, in hours with 2 decimals. */
class DurationsTest {

    @Test
    void interpolatesBetweenTheTwoNearestDurationsAsPercentileContDoes() {
        Durations durations = new Durations();
        // 4 h, 1 h, 3 h, 2 h, unordered, and one step not taken yet
        for (Double seconds : new Double[] {14_400.0, 3_600.0, null, 10_800.0, 7_200.0}) {
            durations.add(seconds);
        }
        // median: halfway between 2 h and 3 h; p90: position 0.9 * 3 = 2.7, from 3 h towards 4 h
        assertThat(durations.hours()).isEqualTo(new Hours(new BigDecimal("2.50"), new BigDecimal("3.70")));
    }

    @Test
    void oneDurationIsItsOwnMedianAndNinetiethPercentile() {
        Durations durations = new Durations();
        durations.add(5_400.0);
        assertThat(durations.hours()).isEqualTo(new Hours(new BigDecimal("1.50"), new BigDecimal("1.50")));
    }

    @Test
    void nothingMeasuredLeavesTheHoursOut() {
        Durations durations = new Durations();
        durations.add(null);
        assertThat(durations.hours()).isNull();
    }

    @Test
    void keepsEveryDurationBeyondItsFirstCapacity() {
        Durations durations = new Durations();
        for (int hour = 100; hour >= 1; hour--) {
            durations.add(hour * 3_600.0);
        }
        // 1..100 h: median 50.5 h, p90 at position 89.1: 90.1 h
        assertThat(durations.hours()).isEqualTo(new Hours(new BigDecimal("50.50"), new BigDecimal("90.10")));
    }
}

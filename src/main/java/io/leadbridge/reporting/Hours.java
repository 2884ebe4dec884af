package io.leadbridge.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A duration's median and 90th percentile in hours (2 decimals), interpolated between the two
 * nearest values as {@code percentile_cont} does; left out when nothing was measured.
 */
public record Hours(BigDecimal median, BigDecimal p90) {

    /**
     * The aggregate columns {@code <alias>_median} and {@code <alias>_p90}, in seconds, of the time
     * from {@code start} to {@code end} (rows where either is null are left out). Both H2 and
     * PostgreSQL know {@code percentile_cont ... within group} and {@code extract(epoch from ...)}.
     */
    static String sql(String alias, String start, String end) {
        String seconds = "cast(extract(epoch from " + end + ") - extract(epoch from " + start + ") as double precision)";
        return "percentile_cont(0.5) within group (order by " + seconds + ") as " + alias + "_median, "
                + "percentile_cont(0.9) within group (order by " + seconds + ") as " + alias + "_p90";
    }

    /** Reads the columns of {@link #sql}; null when no row had both times. */
    static Hours read(ResultSet rs, String alias) throws SQLException {
        BigDecimal median = Figures.hours(rs, alias + "_median");
        return median == null ? null : new Hours(median, Figures.hours(rs, alias + "_p90"));
    }
}

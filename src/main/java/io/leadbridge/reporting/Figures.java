package io.leadbridge.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/** How the reports round and order what the database counted. */
final class Figures {

    /** Opportunity stages in the order a deal moves through them. */
    static final List<String> STAGES = List.of("QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST");

    private Figures() {
    }

    /** {@code part / whole} with 3 decimals; null when there is nothing to divide by. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    /** Sums of money columns with 2 decimals (H2 and PostgreSQL keep numeric(15, 2)'s scale; this makes sure). */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Values in the given order, unknown ones after them by name, null last. */
    static Comparator<String> inOrder(List<String> order) {
        return Comparator.nullsLast(Comparator.<String>comparingInt(v -> order.contains(v) ? order.indexOf(v) : order.size())
                .thenComparing(Comparator.naturalOrder()));
    }

    /** Group keys by name, "none" (null) last. */
    static Comparator<String> byKey() {
        return Comparator.nullsLast(Comparator.naturalOrder());
    }
}

package io.leadbridge.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Smooth weighted rotation by stride scheduling, deterministic and without randomness. Every
 * partner of a pool has a pass; the next lead goes to the partner with the lowest pass (ties by
 * id), whose pass then grows by {@value #STRIDE} / weight. A partner with twice the weight moves
 * half as fast and so receives twice the leads, interleaved rather than in runs. A partner new
 * to the pool starts half a stride of its own after the lowest pass present: it neither floods
 * nor starves, and among newcomers the heavier ones go first (not the lowest id). Only the
 * winner's pass changes: choosing among thousands of partners costs one pass over them.
 */
public final class StrideRotation {

    static final double STRIDE = 1000.0;

    private StrideRotation() {
    }

    /** A partner that may receive the lead, with its weight (≥ 1). */
    public record Contender(String partnerId, int weight) {
    }

    /**
     * The winner and its pass after this lead ({@code passBefore + step}, the step being
     * {@value #STRIDE} / weight), and the starting passes of partners that joined the pool with
     * this lead (they must be kept as well, or they would start over next time).
     */
    public record Pick(String partnerId, double passBefore, double step, double passAfter, Map<String, Double> joined) {
    }

    public static Optional<Pick> choose(List<Contender> contenders, Map<String, Double> passes) {
        return choose(contenders, passes::get);
    }

    /** As above, with each partner's pass (null: none yet) looked up by id. */
    public static Optional<Pick> choose(List<Contender> contenders, Function<String, Double> passes) {
        if (contenders.isEmpty()) {
            return Optional.empty();
        }
        // Each pass is looked up once: with thousands of contenders the look-ups are most of the work.
        Double[] known = new Double[contenders.size()];
        Double lowest = null;
        for (int i = 0; i < known.length; i++) {
            known[i] = passes.apply(contenders.get(i).partnerId());
            if (known[i] != null && (lowest == null || known[i] < lowest)) {
                lowest = known[i];
            }
        }
        double start = lowest == null ? 0.0 : lowest;
        Map<String, Double> joined = new HashMap<>();
        Contender best = null;
        double bestPass = 0;
        for (int i = 0; i < known.length; i++) {
            Contender contender = contenders.get(i);
            double pass = known[i] == null ? start + STRIDE / (2.0 * contender.weight()) : known[i];
            if (known[i] == null) {
                joined.put(contender.partnerId(), pass);
            }
            if (best == null || pass < bestPass
                    || (pass == bestPass && contender.partnerId().compareTo(best.partnerId()) < 0)) {
                best = contender;
                bestPass = pass;
            }
        }
        joined.remove(best.partnerId());
        double step = STRIDE / best.weight();
        return Optional.of(new Pick(best.partnerId(), bestPass, step, bestPass + step, joined));
    }
}

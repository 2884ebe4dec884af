package io.leadbridge.routing;

import io.leadbridge.config.DatabaseProduct;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stride rotation's passes per pool, in {@code rotation_pass}. A choice reads the pool's passes
 * without locking a row and moves each winner's pass on by adding its step to the stored pass
 * ({@code pass = pass + step}). Additions commute, so choices of one pool no longer hold a lock of
 * the whole pool until their transaction commits (which made every lead of a pool wait for the one
 * before it): every lead a partner received is in its pass exactly once, whichever transaction
 * commits first. A partner new to the pool is stored with its starting pass unless another choice
 * has just stored it.
 *
 * <p>On one node a choice also sees what the pool's choices that have not committed yet did (kept
 * in memory until their transaction ends, gone again if it rolls back): reading, choosing and
 * noting the moves happen one choice of a pool at a time, for the moment they take, so a burst of
 * leads is shared exactly as a sequence would be. A transaction that moved passes commits, and
 * its moves leave memory, under the same lock of the pool: a choice never finds a move both in the
 * table and in memory (counted twice, the partner would have lost its turn; under load the shares
 * of a burst came out 9 and 11 instead of 10 and 10). The lock is held for the commit only, never
 * while the transaction works; a transaction that moved passes of several pools takes their locks
 * in the pools' order. Choices on two nodes at the same moment may both
 * pick the lowest pass; that partner's pass then moves on twice and it waits twice as long for its
 * next lead, so the shares stay exact.
 *
 * <p>A transaction writes its moves just before it commits, first of the work done then, one
 * statement per partner and pool (steps added up), in pool and partner order. Two transactions
 * writing the same partner's row wait for each other there, as any two writes of one row do, but
 * for the other's commit only: written at the choice, the row stayed locked while the transaction
 * made the offer and the engine wrote its step, and a burst of re-offers to a partner of high
 * weight queued behind each other (docs/benchmarks.md, the sweep at 10,000).
 */
@Repository
public class RotationPasses implements PartnerChoice.Passes {

    private static final String JOIN_ON_POSTGRES = """
            insert into rotation_pass (pool_key, partner_id, pass) values (:pool, :partner, :pass)
            on conflict (pool_key, partner_id) do nothing""";
    private static final String JOIN_ON_H2 = """
            merge into rotation_pass t
            using (select cast(:pool as varchar(64)) as pool_key, cast(:partner as varchar(40)) as partner_id) s
            on t.pool_key = s.pool_key and t.partner_id = s.partner_id
            when not matched then insert (pool_key, partner_id, pass) values (s.pool_key, s.partner_id, :pass)""";
    private static final String ADVANCE_ON_POSTGRES = """
            insert into rotation_pass (pool_key, partner_id, pass) values (:pool, :partner, :pass)
            on conflict (pool_key, partner_id) do update set pass = rotation_pass.pass + :step""";
    private static final String ADVANCE_ON_H2 = """
            merge into rotation_pass t
            using (select cast(:pool as varchar(64)) as pool_key, cast(:partner as varchar(40)) as partner_id) s
            on t.pool_key = s.pool_key and t.partner_id = s.partner_id
            when matched then update set pass = t.pass + :step
            when not matched then insert (pool_key, partner_id, pass) values (s.pool_key, s.partner_id, :pass)""";

    private final JdbcClient jdbc;
    private final String join;
    private final String advance;
    /** Per pool, what this node's choices that have not committed yet did, and the pool's lock. */
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    RotationPasses(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.join = database.isPostgres() ? JOIN_ON_POSTGRES : JOIN_ON_H2;
        this.advance = database.isPostgres() ? ADVANCE_ON_POSTGRES : ADVANCE_ON_H2;
    }

    /** A pool's lock (a choice; a commit of moves) and the moves of this node's transactions not yet committed. */
    private static final class Pool {
        final ReentrantLock lock = new ReentrantLock();
        final Moved pending = new Moved();
    }

    /** Partners started in a pool (with their starting pass) and steps taken, per partner. */
    private record Moved(Map<String, Double> starts, Map<String, Double> steps) {

        Moved() {
            this(new HashMap<>(), new HashMap<>());
        }

        void add(PartnerChoice.Moves moves) {
            add(moves.started(), moves.steps());
        }

        void add(Moved other) {
            add(other.starts, other.steps);
        }

        private void add(Map<String, Double> started, Map<String, Double> stepped) {
            started.forEach(starts::putIfAbsent);
            stepped.forEach((partnerId, step) -> steps.merge(partnerId, step, Double::sum));
        }

        void remove(Moved other) {
            other.starts.keySet().forEach(starts::remove);
            other.steps.forEach((partnerId, step) -> steps.computeIfPresent(partnerId,
                    (id, left) -> left - step > 1e-9 ? left - step : null));
        }

        Moved copy() {
            return new Moved(new HashMap<>(starts), new HashMap<>(steps));
        }
    }

    @Override
    public PartnerChoice.Moves rotate(String poolKey, Function<Map<String, Double>, PartnerChoice.Moves> choice) {
        Pool pool = pools.computeIfAbsent(poolKey, k -> new Pool());
        Held held = TransactionSynchronizationManager.isSynchronizationActive() ? held() : null;
        Writes writes = new Writes();
        boolean deferred = false;
        PartnerChoice.Moves moves;
        pool.lock.lock();
        try {
            // What others did and have not committed: no commit of the pool happens while this choice reads.
            Moved others = pool.pending.copy();
            Map<String, Double> passes = stored(poolKey);
            if (held != null) {
                others.remove(held.moved(poolKey));
                others.add(held.unwritten(poolKey));  // this transaction's moves, not in the table yet
            }
            others.starts().forEach(passes::putIfAbsent);
            others.steps().forEach((partnerId, step) -> passes.computeIfPresent(partnerId, (id, pass) -> pass + step));
            moves = choice.apply(Collections.unmodifiableMap(passes));
            writes.add(poolKey, moves, passes);
            if (held != null) {
                pool.pending.add(moves);
                deferred = held.hold(poolKey, pool, moves, writes);
            }
        } finally {
            pool.lock.unlock();
        }
        if (!deferred) {
            writes.write();
        }
        return moves;
    }

    private Map<String, Double> stored(String poolKey) {
        Map<String, Double> passes = new HashMap<>();
        jdbc.sql("select partner_id, pass from rotation_pass where pool_key = :pool")
                .param("pool", poolKey)
                .query(rs -> {
                    passes.put(rs.getString(1), rs.getDouble(2));
                });
        return passes;
    }

    /** The current transaction's moves, bound to it on its first choice. */
    private Held held() {
        Held held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new Held();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        return held;
    }

    /** One partner's row in a pool: the pass to store if the row is new, the step to add if it is not. */
    private record Write(double passIfNew, double step, boolean advance) {

        Write then(Write later) {
            if (!later.advance) {
                return this;  // started again: the row is this one's already
            }
            return new Write(later.passIfNew, step + later.step, true);
        }
    }

    /** Rows to write, in pool and partner order, so that two transactions never wait for each other in a circle. */
    private final class Writes {

        private final Map<String, Map<String, Write>> rows = new TreeMap<>();

        void add(String poolKey, PartnerChoice.Moves moves, Map<String, Double> passes) {
            Map<String, Write> pool = rows.computeIfAbsent(poolKey, k -> new TreeMap<>());
            moves.started().forEach((partnerId, pass) -> {
                if (!moves.steps().containsKey(partnerId)) {
                    pool.merge(partnerId, new Write(pass, 0, false), Write::then);
                }
            });
            moves.steps().forEach((partnerId, step) -> {
                Double from = moves.started().containsKey(partnerId) ? moves.started().get(partnerId)
                        : passes.get(partnerId);
                pool.merge(partnerId, new Write(from + step, step, true), Write::then);
            });
        }

        void addAll(Writes other) {
            other.rows.forEach((poolKey, partners) -> partners.forEach((partnerId, write) ->
                    rows.computeIfAbsent(poolKey, k -> new TreeMap<>()).merge(partnerId, write, Write::then)));
        }

        void write() {
            rows.forEach((poolKey, partners) -> partners.forEach((partnerId, write) -> {
                if (write.advance()) {
                    jdbc.sql(advance).param("pool", poolKey).param("partner", partnerId)
                            .param("pass", write.passIfNew()).param("step", write.step()).update();
                } else {
                    jdbc.sql(join).param("pool", poolKey).param("partner", partnerId)
                            .param("pass", write.passIfNew()).update();
                }
            }));
            rows.clear();
        }
    }

    /**
     * What the current transaction did in each pool. Its moves are written just before the commit
     * (before the other work done then, such as the partners' routing counts): a row of a partner
     * is held from there to the commit only, not while the transaction works on, so the next
     * transaction choosing that partner does not wait for the rest of this one. The pools' locks
     * are taken, in the pools' order, just before the commit, and given back once the moves have
     * left memory: committed, they are in the table now; rolled back, they never happened.
     */
    private final class Held implements TransactionSynchronization {

        private final Map<String, Pool> pools = new TreeMap<>();
        private final Map<String, Moved> moved = new HashMap<>();
        private final Map<String, Moved> unwritten = new HashMap<>();
        private final Writes writes = new Writes();
        private boolean written;

        Moved moved(String poolKey) {
            return moved.getOrDefault(poolKey, new Moved());
        }

        Moved unwritten(String poolKey) {
            return unwritten.getOrDefault(poolKey, new Moved());
        }

        /**
         * Keeps the moves until the transaction ends (under the pool's lock, which the node's other
         * choices of the pool see them under) and their rows until the commit; false when the
         * moves were written already and these rows must be written at once.
         */
        boolean hold(String poolKey, Pool pool, PartnerChoice.Moves moves, Writes rows) {
            pools.put(poolKey, pool);
            moved.computeIfAbsent(poolKey, k -> new Moved()).add(moves);
            if (written) {
                return false;
            }
            unwritten.computeIfAbsent(poolKey, k -> new Moved()).add(moves);
            writes.addAll(rows);
            return true;
        }

        @Override
        public int getOrder() {
            // Before the partners' routing counts, which take one row for every writer until the commit.
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writes.write();
            unwritten.clear();
            written = true;
        }

        @Override
        public void beforeCompletion() {
            pools.values().forEach(pool -> pool.lock.lock());
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RotationPasses.this);
            pools.forEach((poolKey, pool) -> {
                if (!pool.lock.isHeldByCurrentThread()) {
                    pool.lock.lock();  // completed without beforeCompletion
                }
                try {
                    pool.pending.remove(moved(poolKey));
                } finally {
                    pool.lock.unlock();
                }
            });
        }
    }
}

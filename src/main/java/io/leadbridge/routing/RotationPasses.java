package io.leadbridge.routing;

import io.leadbridge.config.DatabaseProduct;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stride rotation's passes per pool. While a lead of the pool is being routed the pool's one
 * row in {@code rotation_pool} is locked, so its passes are read without locking a row per
 * partner; only the passes that moved (the winner's, newcomers') are written. The row counts
 * the pool's choices ({@code turns}): a node keeps the passes of the pool's last choice it made
 * in memory and reads them again only when another node has chosen since. A new pool's row is
 * created by whichever node chooses first; a node choosing at the same moment waits for it and
 * then locks it, instead of failing on the row's key.
 */
@Repository
public class RotationPasses implements PartnerChoice.Passes {

    /** A new pool's row, unless another transaction has just created it (PostgreSQL, then H2). */
    private static final String CREATE_ON_POSTGRES = """
            insert into rotation_pool (pool_key, turns) values (:pool, 0) on conflict (pool_key) do nothing""";
    private static final String CREATE_ON_H2 = """
            merge into rotation_pool t using (select cast(:pool as varchar(64)) as pool_key) s
            on t.pool_key = s.pool_key
            when not matched then insert (pool_key, turns) values (s.pool_key, 0)""";

    private final JdbcClient jdbc;
    private final String createPool;
    private final Map<String, Turn> known = new ConcurrentHashMap<>();

    RotationPasses(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.createPool = database.isPostgres() ? CREATE_ON_POSTGRES : CREATE_ON_H2;
    }

    /** A pool's passes after its choice number {@code turns}. */
    private record Turn(long turns, Map<String, Double> passes) {
    }

    @Override
    public Map<String, Double> lock(String poolKey) {
        if (TransactionSynchronizationManager.getResource(key(poolKey)) instanceof Turn locked) {
            return Collections.unmodifiableMap(locked.passes());  // locked earlier in this transaction
        }
        Long turns = lockedTurns(poolKey);
        if (turns == null) {
            jdbc.sql(createPool).param("pool", poolKey).update();
            turns = lockedTurns(poolKey);
        }
        jdbc.sql("update rotation_pool set turns = turns + 1 where pool_key = :pool").param("pool", poolKey).update();
        Turn last = known.get(poolKey);
        Turn next = new Turn(turns + 1, last != null && last.turns() == turns ? last.passes() : read(poolKey));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // The pool is locked until the transaction ends: its passes are changed in place, kept
            // for the pool's next choice if the transaction commits, and read again if it does not.
            known.remove(poolKey);
            TransactionSynchronizationManager.bindResource(key(poolKey), next);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key(poolKey));
                    if (status == STATUS_COMMITTED) {
                        known.put(poolKey, next);
                    }
                }
            });
        }
        return Collections.unmodifiableMap(next.passes());
    }

    private Long lockedTurns(String poolKey) {
        return jdbc.sql("select turns from rotation_pool where pool_key = :pool for update")
                .param("pool", poolKey).query(Long.class).optional().orElse(null);
    }

    private Map<String, Double> read(String poolKey) {
        Map<String, Double> passes = new HashMap<>();
        jdbc.sql("select partner_id, pass from rotation_pass where pool_key = :pool")
                .param("pool", poolKey)
                .query(rs -> {
                    passes.put(rs.getString(1), rs.getDouble(2));
                });
        return passes;
    }

    @Override
    public void save(String poolKey, String partnerId, double pass) {
        int updated = jdbc.sql("update rotation_pass set pass = :pass where pool_key = :pool and partner_id = :partner")
                .param("pass", pass).param("pool", poolKey).param("partner", partnerId).update();
        if (updated == 0) {
            jdbc.sql("insert into rotation_pass (pool_key, partner_id, pass) values (:pool, :partner, :pass)")
                    .param("pass", pass).param("pool", poolKey).param("partner", partnerId).update();
        }
        if (TransactionSynchronizationManager.getResource(key(poolKey)) instanceof Turn turn) {
            turn.passes().put(partnerId, pass);
        }
    }

    private static String key(String poolKey) {
        return RotationPasses.class.getName() + "#" + poolKey;
    }
}

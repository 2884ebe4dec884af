package io.leadbridge.routing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stride rotation's passes per pool. While a lead of the pool is being routed the pool's one
 * row in {@code rotation_pool} is locked, so its passes are read without locking a row per
 * partner; only the passes that moved (the winner's, newcomers') are written.
 */
@Repository
public class RotationPasses implements PartnerChoice.Passes {

    private final JdbcClient jdbc;

    RotationPasses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Double> lock(String poolKey) {
        boolean locked = !jdbc.sql("select pool_key from rotation_pool where pool_key = :pool for update")
                .param("pool", poolKey).query(String.class).list().isEmpty();
        if (!locked) {
            jdbc.sql("insert into rotation_pool (pool_key) values (:pool)").param("pool", poolKey).update();
        }
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
    }
}

package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.config.DatabaseProduct;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.routing.PartnerChoice.Moves;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresSession;
import io.leadbridge.support.PostgresTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Choices of one routing pool on PostgreSQL no longer wait for each other's commit: on one node a
 * choice sees the steps of choices that have not committed yet, on two nodes the steps add up at
 * the partner's row, a rolled-back choice leaves no trace, and the first choices of a new pool on
 * two nodes both succeed (they used to fail on the pool row's key). A choice's rows are written as
 * its transaction commits: nobody waits for the rest of its work at a partner's row.
 */
@PostgresTest
class RotationPoolPostgresIT {

    @Autowired RotationPasses passes;
    @Autowired LeadFixtures fixtures;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseProduct database;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);  // the common pool may have one thread
    private String pool;
    private String alpha;
    private String beta;
    private TransactionTemplate transaction;

    @BeforeEach
    void pool() {
        pool = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        beta = fixtures.partner("beta", PartnerTier.GOLD, "US");
        transaction = new TransactionTemplate(transactions);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aChoiceOnTheSameNodeSeesAnUncommittedOneAndDoesNotWaitForIt() throws Exception {
        transaction.executeWithoutResult(status -> passes.rotate(pool, stored -> lowest(stored)));  // alpha 1500, beta 500
        CountDownLatch firstChose = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            assertThat(passes.rotate(pool, stored -> lowest(stored)).chosen()).containsExactly(beta);
            firstChose.countDown();
            await(release);
        }), threads);
        assertThat(firstChose.await(20, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Map<String, Double>> seen = new AtomicReference<>();
        Moves second = CompletableFuture.supplyAsync(() -> transaction.execute(status ->
                passes.rotate(pool, stored -> {
                    seen.set(stored);
                    return lowest(stored);
                })), threads).get(20, TimeUnit.SECONDS);  // it would time out if it waited for the first

        assertThat(seen.get()).as("beta's pass with the uncommitted step").containsEntry(alpha, 1500.0)
                .containsEntry(beta, 1500.0);
        assertThat(second.chosen()).as("not beta again").containsExactly(alpha);
        release.countDown();
        first.get(20, TimeUnit.SECONDS);
        assertThat(stored()).containsEntry(alpha, 2500.0).containsEntry(beta, 1500.0);
        transaction.executeWithoutResult(status -> passes.rotate(pool, stored -> {
            assertThat(stored).as("committed steps are no longer added on top")
                    .containsEntry(alpha, 2500.0).containsEntry(beta, 1500.0);
            return new Moves(List.of(), Map.of(), Map.of());
        }));
    }

    @Test
    void twoNodesChoosingTheSamePartnerAtOnceBothCountAtItsRow() throws Exception {
        transaction.executeWithoutResult(status -> passes.rotate(pool, stored -> lowest(stored)));  // alpha 1500, beta 500
        transaction.executeWithoutResult(status -> passes.rotate(pool, stored -> lowest(stored)));  // beta 1500
        RotationPasses otherNode = new RotationPasses(jdbc, database);
        CountDownLatch firstChose = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            assertThat(passes.rotate(pool, stored -> lowest(stored)).chosen()).containsExactly(alpha);
            firstChose.countDown();
            await(release);
        }), threads);
        assertThat(firstChose.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status ->
                assertThat(otherNode.rotate(pool, stored -> lowest(stored)).chosen()).containsExactly(alpha)), threads)
                .get(20, TimeUnit.SECONDS);  // the first writes alpha's row as it commits: nothing to wait for
        assertThat(stored()).as("the other node's step, committed").containsEntry(alpha, 2500.0);

        release.countDown();
        first.get(20, TimeUnit.SECONDS);
        assertThat(stored()).as("alpha received two leads: its pass moved on twice")
                .containsEntry(alpha, 3500.0).containsEntry(beta, 1500.0);
    }

    @Test
    void aChoiceHoldsNoRowWhileItsTransactionWorksOnOnlyForItsCommit() throws Exception {
        // alpha 1500, beta 500
        transaction.executeWithoutResult(status -> passes.rotate(pool, stored -> lowest(stored)));
        CountDownLatch firstChose = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            passes.rotate(pool, stored -> lowest(stored));  // beta
            firstChose.countDown();
            await(release);  // the offer, the engine's step: the rest of the routing job
        }), threads);
        assertThat(firstChose.await(20, TimeUnit.SECONDS)).isTrue();

        try (PostgresSession other = new PostgresSession()) {
            other.execute("set lock_timeout = '5s'");  // a row still held fails the update here, it does not hang
            int updated = other.execute(
                    "update rotation_pass set pass = pass + 1000 where pool_key = ? and partner_id = ?", pool, beta);
            assertThat(updated).as("beta's row, free while the first transaction works").isEqualTo(1);
            other.commit();
        }
        release.countDown();
        first.get(20, TimeUnit.SECONDS);
        assertThat(stored()).containsEntry(alpha, 1500.0).containsEntry(beta, 2500.0);
    }

    @Test
    void aTransactionsSecondChoiceSeesItsFirstAndBothAreWrittenOnce() {
        transaction.executeWithoutResult(status -> {
            assertThat(passes.rotate(pool, stored -> lowest(stored)).chosen()).containsExactly(alpha);
            assertThat(passes.rotate(pool, stored -> {
                assertThat(stored).as("its own first choice, not in the table yet")
                        .containsEntry(alpha, 1500.0).containsEntry(beta, 500.0);
                return lowest(stored);
            }).chosen()).containsExactly(beta);
            assertThat(passes.rotate(pool, stored -> lowest(stored)).chosen()).containsExactly(alpha);
            assertThat(stored()).as("nothing written before the commit").isEmpty();
        });

        assertThat(stored()).containsEntry(alpha, 2500.0).containsEntry(beta, 1500.0);
    }

    @Test
    void aChoiceThatRollsBackLeavesNoStep() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            passes.rotate(pool, stored -> lowest(stored));
            throw new IllegalStateException("the routing job failed after the choice");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(stored()).isEmpty();
        Moves next = transaction.execute(status -> passes.rotate(pool, stored -> {
            assertThat(stored).isEmpty();
            return lowest(stored);
        }));
        assertThat(next.chosen()).containsExactly(alpha);
        assertThat(stored()).containsEntry(alpha, 1500.0).containsEntry(beta, 500.0);
    }

    @Test
    void twoNodesMakingTheFirstChoiceInANewPoolBothSucceed() throws Exception {
        RotationPasses otherNode = new RotationPasses(jdbc, database);
        CountDownLatch firstChose = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            passes.rotate(pool, stored -> lowest(stored));
            firstChose.countDown();
            await(release);
        }), threads);
        assertThat(firstChose.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status ->
                otherNode.rotate(pool, stored -> lowest(stored))), threads).get(20, TimeUnit.SECONDS);
        assertThat(stored()).as("the other node started the pool").containsEntry(alpha, 1500.0)
                .containsEntry(beta, 500.0);
        release.countDown();
        first.get(20, TimeUnit.SECONDS);

        assertThat(stored()).as("both started the pool alike; alpha won twice")
                .containsEntry(alpha, 2500.0).containsEntry(beta, 500.0);
    }

    /** The stride rotation's choice between alpha and beta, weight 1 each. */
    private Moves lowest(Map<String, Double> stored) {
        var pick = StrideRotation.choose(List.of(new StrideRotation.Contender(alpha, 1),
                new StrideRotation.Contender(beta, 1)), stored).orElseThrow();
        Map<String, Double> started = new java.util.TreeMap<>(pick.joined());
        if (!stored.containsKey(pick.partnerId())) {
            started.put(pick.partnerId(), pick.passBefore());
        }
        return new Moves(List.of(pick.partnerId()), started, Map.of(pick.partnerId(), pick.step()));
    }

    private Map<String, Double> stored() {
        Map<String, Double> passes = new java.util.HashMap<>();
        jdbc.sql("select partner_id, pass from rotation_pass where pool_key = :pool").param("pool", pool)
                .query(rs -> {
                    passes.put(rs.getString(1), rs.getDouble(2));
                });
        return passes;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

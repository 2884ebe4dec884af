package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresSession;
import io.leadbridge.support.PostgresTest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes making the first choice in a new routing pool at the same moment, on PostgreSQL: the
 * second waits for the first and both succeed. It used to fail on {@code rotation_pool_pkey} and
 * use up the job's retries.
 */
@PostgresTest
class RotationPoolPostgresIT {

    @Autowired RotationPasses passes;
    @Autowired LeadFixtures fixtures;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void twoNodesMakingTheFirstChoiceInANewPoolBothSucceed() throws Exception {
        String pool = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String beta = fixtures.partner("beta", PartnerTier.GOLD, "US");
        TransactionTemplate choice = new TransactionTemplate(transactions);
        CountDownLatch firstHasCreatedThePool = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);  // the common pool may have a single thread

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> choice.executeWithoutResult(status -> {
            passes.lock(pool);
            passes.save(pool, alpha, 1.5);
            firstHasCreatedThePool.countDown();
            await(secondIsWaiting);
        }), nodes);
        assertThat(firstHasCreatedThePool.await(20, TimeUnit.SECONDS)).as("first choice made").isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> choice.executeWithoutResult(status -> {
            assertThat(passes.lock(pool)).containsEntry(alpha, 1.5);
            passes.save(pool, beta, 2.5);
        }), nodes);
        try (PostgresSession observer = new PostgresSession()) {
            observer.awaitSessionsWaitingForALock(1);  // the second node, at the pool's row the first is creating
        }
        secondIsWaiting.countDown();

        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        nodes.shutdown();
        assertThat(jdbc.sql("select turns from rotation_pool where pool_key = :pool").param("pool", pool)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from rotation_pass where pool_key = :pool").param("pool", pool)
                .query(Long.class).single()).isEqualTo(2);
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

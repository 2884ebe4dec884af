package io.leadbridge.standing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Strikes that join a waiting standing check, on PostgreSQL with real concurrency: no strike is
 * ever left unjudged, neither when it commits while the check is taking the waiting strikes nor
 * when many withdrawals strike one partner at once while the checks run.
 */
@PostgresTest
class StandingChecksPostgresIT {

    @Autowired PartnerStrikes strikes;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(6);
    private String partner;
    private TransactionTemplate transaction;

    @BeforeEach
    void partner() {
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        transaction = new TransactionTemplate(transactions);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aStrikeCommittingWhileTheCheckTakesTheWaitingStrikesIsJudgedByThatCheck() throws Exception {
        strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "first");
        Job check = management.createJobQuery().processInstanceId(onlyCheck().getId()).singleResult();

        CountDownLatch joined = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "second");
            // runs after the strike has joined the waiting check, just before the commit
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.LOWEST_PRECEDENCE;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    joined.countDown();
                    await(commit);
                }
            });
        }), threads);
        assertThat(joined.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> judging = CompletableFuture.runAsync(() -> management.executeJob(check.getId()), threads);
        awaitSessionWaitingFor("standing_check_due");
        assertThat(judging).as("the check waits for the strike holding the row").isNotDone();
        commit.countDown();
        second.get(30, TimeUnit.SECONDS);
        judging.get(30, TimeUnit.SECONDS);

        assertThat(allChecks()).as("the second strike joined the first one's check").hasSize(1);
        assertThat(variable(onlyCheck(), "strikesJudged")).isEqualTo(2);
        assertThat(variable(onlyCheck(), "strikes30")).isEqualTo(2);
        assertThat(variable(onlyCheck(), "standing")).isEqualTo("WARNED");
        assertThat(waitingRows()).isZero();
    }

    @Test
    void manyStrikesAtOnceWhileChecksRunAreAllJudgedByFewerChecks() throws Exception {
        int writers = 4;
        int strikesEach = 25;
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> checking = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                management.createJobQuery().processDefinitionKey(StandingVariables.PROCESS_KEY).executable().list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
        }, threads);
        List<CompletableFuture<Void>> striking = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            striking.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < strikesEach; i++) {
                    strikes.record(partner, null, StrikeKind.ACCEPT_SLA_MISSED, "offer run out");
                }
            }, threads));
        }
        CompletableFuture.allOf(striking.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        writing.set(false);
        checking.get(60, TimeUnit.SECONDS);
        engine.runDueJobs();

        List<HistoricProcessInstance> checks = allChecks();
        int judged = checks.stream().mapToInt(check -> (Integer) variable(check, "strikesJudged")).sum();
        assertThat(judged).as("every strike taken by exactly one check").isEqualTo(writers * strikesEach);
        assertThat(checks.size()).as("strikes that waited together were judged together").isLessThan(judged);
        assertThat(checks).allMatch(check -> check.getEndTime() != null || isUnderReview(check));
        assertThat(checks.stream().mapToInt(check -> (Integer) variable(check, "strikes30")).max().orElseThrow())
                .as("the last check saw every strike").isEqualTo(writers * strikesEach);
        assertThat(waitingRows()).isZero();
    }

    private boolean isUnderReview(HistoricProcessInstance check) {
        return "SUSPENDED".equals(variable(check, "standing"));
    }

    private void awaitSessionWaitingFor(String table) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Integer waiting = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and datname = current_database() and query like :table""")
                    .param("table", "%" + table + "%").query(Integer.class).single();
            if (waiting > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no session came to wait for a lock on " + table);
    }

    private List<HistoricProcessInstance> allChecks() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(StandingVariables.PROCESS_KEY)
                .processInstanceBusinessKey(partner).list();
    }

    private HistoricProcessInstance onlyCheck() {
        List<HistoricProcessInstance> checks = allChecks();
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    private Object variable(HistoricProcessInstance check, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(check.getId()).variableName(name)
                .singleResult().getValue();
    }

    private int waitingRows() {
        return jdbc.sql("select count(*) from standing_check_due where partner_id = :partner")
                .param("partner", partner).query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The retry policy on its own: which failures run the work again, and how often. */
class ConflictRetryTest {

    private final ConflictRetry retry = new ConflictRetry(new DatabaseProperties(3, Duration.ZERO, null));

    @Test
    void runsTheWorkAgainAfterADeadlockAndReturnsWhatTheSecondRunReturns() {
        AtomicInteger runs = new AtomicInteger();

        String result = retry.run("test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new DeadlockLoserDataAccessException("deadlock", sqlState("40P01"));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void seesADeadlockOrSerializationFailureThroughCamundasWrapping() {
        assertThat(DatabaseFailures.isConflict(new ProcessEngineException("flush failed",
                new PersistenceException(sqlState("40P01"))))).isTrue();
        assertThat(DatabaseFailures.isConflict(new ProcessEngineException("flush failed",
                new PersistenceException(sqlState("40001"))))).isTrue();
        assertThat(DatabaseFailures.isConflict(new OptimisticLockingException("entity was updated by another")))
                .isTrue();
    }

    @Test
    void givesUpAfterTheConfiguredNumberOfRunsWithTheLastFailure() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw new ProcessEngineException("flush failed", sqlState("40P01"));
        })).isInstanceOf(ProcessEngineException.class);

        assertThat(runs).hasValue(3);
    }

    @Test
    void runsOtherFailuresOnlyOnce() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate key", sqlState("23505"));
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(runs).hasValue(1);
        assertThat(DatabaseFailures.isConflict(new QueryTimeoutException("slow"))).isFalse();
    }

    @Test
    void tellsAnUnreachableDatabaseFromOtherFailures() {
        assertThat(DatabaseFailures.isUnreachable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("timeout")))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new ProcessEngineException("persistence",
                new PersistenceException(new SQLTransientConnectionException("HikariPool-1 - Connection is not "
                        + "available, request timed out after 5000ms"))))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new ProcessEngineException("io", sqlState("08006")))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new ProcessEngineException("deadlock", sqlState("40P01")))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("bug"))).isFalse();
    }

    private static SQLException sqlState(String state) {
        return new SQLException("ERROR: simulated", state);
    }
}

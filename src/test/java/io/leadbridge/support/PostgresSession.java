package io.leadbridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * A session of the test's own on the test database (see {@link PostgresDatabase}), beside the
 * application's: it holds locks in an open transaction, the way another node would, and sees
 * when one of the application's sessions waits for a lock.
 */
public final class PostgresSession implements AutoCloseable {

    private final Connection connection;

    public PostgresSession() throws SQLException {
        PostgresDatabase.Connection db = PostgresDatabase.get();
        this.connection = DriverManager.getConnection(db.url(), db.username(), db.password());
        this.connection.setAutoCommit(false);
    }

    /** Runs a statement in the session's open transaction; its locks stay until commit or rollback. */
    public int execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.execute() ? 0 : statement.getUpdateCount();
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    public void rollback() throws SQLException {
        connection.rollback();
    }

    /**
     * Waits until as many other sessions of this database wait for a lock (a row lock, a key being
     * inserted): the moment the application has reached the statement a test wants it blocked at.
     * Polls the server's activity; it moves no clock, it only waits for another thread's progress.
     */
    public void awaitSessionsWaitingForALock(int sessions) throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        try (Connection observer = DriverManager.getConnection(PostgresDatabase.get().url(),
                PostgresDatabase.get().username(), PostgresDatabase.get().password());
             PreparedStatement waiting = observer.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where datname = current_database() and wait_event_type = 'Lock'""")) {
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= sessions) {
                        return;
                    }
                }
                if (Instant.now().isAfter(giveUp)) {
                    throw new AssertionError("no " + sessions + " session(s) started waiting for a lock within 20 s");
                }
                Thread.sleep(10);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

package io.leadbridge.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which database failures are worth another try, and which mean the database cannot be reached.
 * Both look through the whole chain of causes: Camunda wraps SQL errors in its own exceptions,
 * Spring in its {@code DataAccessException}s, a servlet filter in a {@code ServletException}.
 */
public final class DatabaseFailures {

    /** PostgreSQL's deadlock_detected and serialization_failure. */
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION = "40001";
    /** SQL's connection exception class, and PostgreSQL's shutdown codes (admin_shutdown, crash_shutdown, ...). */
    private static final String CONNECTION_CLASS = "08";
    private static final String SHUTDOWN_CLASS = "57P0";

    private DatabaseFailures() {
    }

    /**
     * A transaction that lost to another one (a deadlock, a serialization failure, a lock it could not get,
     * or Camunda's optimistic lock on one of its rows): run again from the start, it may well succeed.
     */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof OptimisticLockingException) {
                return true;
            }
            if (t instanceof SQLException sql && (DEADLOCK.equals(sql.getSQLState())
                    || SERIALIZATION.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The database could not be reached or answered in time: no connection, a broken one, a server going down. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith(CONNECTION_CLASS) || state.startsWith(SHUTDOWN_CLASS))) {
                return true;
            }
        }
        return false;
    }
}

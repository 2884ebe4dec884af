package io.leadbridge.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when PostgreSQL's autovacuum is off. The engine's tables change with every lead
 * (variables, jobs, executions), and without the statistics autovacuum gathers PostgreSQL plans the
 * engine's most frequent look-up, an execution's variables, as a read of every variable's index
 * entry: 2 to 5 ms at 135,000 variables instead of 0.3, growing with every open lead, and most of
 * the database's time in the SLA sweep (docs/benchmarks.md). Dead rows are not reclaimed either.
 */
@Component
class AutovacuumCheck {

    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final DataSource dataSource;

    AutovacuumCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
                return;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet setting = statement.executeQuery("show autovacuum")) {
                setting.next();
                warningFor(setting.getString(1)).ifPresent(log::warn);
            }
        } catch (SQLException e) {
            // a check that only advises must not stop the start
            log.warn("could not ask PostgreSQL whether autovacuum is on: {}", e.getMessage());
        }
    }

    /** What to tell the operator about the server's {@code autovacuum} setting; nothing when it is on. */
    static Optional<String> warningFor(String autovacuum) {
        if ("on".equalsIgnoreCase(autovacuum)) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL's autovacuum is " + autovacuum + ": the engine's tables get no planner"
                + " statistics and keep their dead rows, and looking up a lead's variables slows down with every open"
                + " lead. Turn it on (autovacuum = on, PostgreSQL's default) or analyze and vacuum the database"
                + " regularly; see docs/operations.md \"Running on PostgreSQL\"");
    }
}

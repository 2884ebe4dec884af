package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import io.leadbridge.support.PostgresTest;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL the driver sends a batch of inserts as one multi-row insert, and the engine, which
 * flushes its rows in batches, works with that.
 */
@PostgresTest
class BatchedInsertsPostgresIT {

    @Autowired DataSource dataSource;
    @Autowired RuntimeService runtime;

    @Test
    void aBatchOfInsertsGoesToTheServerAsOneStatement() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .isTrue();
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create temporary table batched (id integer, at timestamp)");
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into batched (id, at) values (?, ?)")) {
                for (int id = 1; id <= 4; id++) {
                    insert.setInt(1, id);
                    insert.setTimestamp(2, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                // rewritten into one insert of four rows (the driver groups by powers of two): no count per row
                assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
            }
            try (Statement count = connection.createStatement(); var rows = count.executeQuery(
                    "select count(*) from batched")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(4);
            }
        }
    }

    @Test
    void theEngineStoresAProcessWithManyVariablesInOneFlush() {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            variables.put("v" + i, "value " + i);
        }
        String process = runtime.startProcessInstanceByKey("partnerStanding", "no-such-partner", variables).getId();

        assertThat(runtime.getVariables(process)).containsAllEntriesOf(variables);
        runtime.deleteProcessInstance(process, "test over");
    }
}

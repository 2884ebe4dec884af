package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.PostgresTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the engine's look-up of a task's subtasks, made whenever a task ends, finds them
 * through an index instead of reading every open task.
 */
@PostgresTest
class EngineTableIndexesPostgresIT {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void theSubtaskLookUpUsesTheIndex() {
        assertThat(jdbc.sql("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                where c.relname = :name""").param("name", EngineTableIndexes.TASK_PARENT).query(Boolean.class).list())
                .as("created and valid").containsExactly(true);

        List<Map<String, Object>> plan = transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select * from act_ru_task where parent_task_id_ = 'some-task'").query()
                    .listOfRows();
        });
        assertThat(plan.toString()).contains(EngineTableIndexes.TASK_PARENT);
    }
}

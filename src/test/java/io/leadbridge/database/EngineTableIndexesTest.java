package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadbridgeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database gets the indexes on the engine's tables too, but for the partial one it cannot have. */
@LeadbridgeTest
class EngineTableIndexesTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theTaskTableHasItsParentIndex() {
        assertThat(indexed(EngineTableIndexes.TASK_PARENT)).isTrue();
    }

    @Test
    void theJobTableHasItsDueDateIndex() {
        assertThat(indexed(EngineTableIndexes.JOB_DUE)).isTrue();
    }

    private boolean indexed(String name) {
        return jdbc.sql("select count(*) from information_schema.indexes where lower(index_name) = :name")
                .param("name", name).query(Long.class).single() > 0;
    }
}

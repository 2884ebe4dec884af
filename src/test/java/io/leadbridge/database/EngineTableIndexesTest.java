package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadbridgeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database gets the index on the engine's task table too. */
@LeadbridgeTest
class EngineTableIndexesTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theTaskTableHasItsParentIndex() {
        assertThat(jdbc.sql("select count(*) from information_schema.indexes where lower(index_name) = :name")
                .param("name", EngineTableIndexes.TASK_PARENT).query(Long.class).single()).isPositive();
    }
}

package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** At start, the operator reads whether the PostgreSQL server runs autovacuum, as the server itself says. */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class AutovacuumCheckPostgresIT {

    @Autowired AutovacuumCheck check;
    @Autowired JdbcClient jdbc;

    @Test
    void theWarningFollowsTheServersSetting(CapturedOutput output) throws Exception {
        String setting = jdbc.sql("show autovacuum").query(String.class).single();

        check.check();

        if (setting.equals("on")) {
            assertThat(output).doesNotContain("autovacuum is");
        } else {
            assertThat(output).contains("WARN").contains("PostgreSQL's autovacuum is " + setting);
        }
    }
}

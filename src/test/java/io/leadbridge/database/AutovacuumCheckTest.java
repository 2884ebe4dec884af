package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An operator whose PostgreSQL runs without autovacuum is told at start, and told what to do. */
class AutovacuumCheckTest {

    @Test
    void autovacuumOffIsWarnedAboutAndOnIsNot() {
        assertThat(AutovacuumCheck.warningFor("on")).isEmpty();
        assertThat(AutovacuumCheck.warningFor("off")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("autovacuum is off").contains("autovacuum = on").contains("docs/operations.md"));
    }
}

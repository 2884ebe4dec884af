package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which request paths lead through an engine-wide door, however the engine's root is written. */
class EngineWideDoorsPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "/engine-rest/job, job",
            "/engine-rest/job/, job",
            "/engine-rest/job/42/retries, job",
            "/engine-rest/engine/default/job/42, job",
            "/engine-rest/%6Aob/42, job",
            "/camunda/api/engine/engine/default/job/42/retries, job",
            "/engine-rest/job-definition/7/suspended, job-definition",
            "/engine-rest/batch/statistics, batch",
            "/engine-rest/schema/log, schema",
            "/engine-rest/history/cleanup, history/cleanup",
            "/engine-rest/history/job-log, history/job-log",
            "/engine-rest/process-instance/delete, process-instance/delete",
            "/engine-rest/process-instance/suspended-async, process-instance/suspended-async",
            "/engine-rest/signal, signal",
            "/engine-rest/jobs, none",
            "/engine-rest/task/42/complete, none",
            "/engine-rest/process-instance/42/suspended, none",
            "/engine-rest/history/process-instance, none",
            "/engine-rest/engine, none",
            "/camunda/api/engine/engine/, none",
            "/camunda/api/engine/engine/default/task, none",
            "/api/job, none",
            "/camunda/api/cockpit/plugin/base/default/job, none"})
    void findsTheDoor(String path, String door) {
        assertThat(EngineWideDoors.doorOf(path).orElse(null)).isEqualTo(door);
    }
}

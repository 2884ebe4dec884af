package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.WebappSession;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine-wide doors (jobs, job definitions, batches, metrics, schema log, history cleanup,
 * bulk operations) open for Camunda administrators only: a rep or a channel manager gets 403,
 * on {@code /engine-rest} and on the webapps' engine API, and the engine is left as it was.
 */
@LeadbridgeTest
class EngineWideDoorsTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    String rep;
    ApiClient repApi;
    Job cleanup;

    @BeforeEach
    void historyCleanupJobAndARep() {
        rep = fixtures.rep(fixtures.partner("alpha", PartnerTier.GOLD, "US"));
        repApi = ApiClient.as(port, rep, LeadFixtures.PASSWORD);
        if (history.findHistoryCleanupJobs().isEmpty()) {
            history.cleanUpHistoryAsync(true);
        }
        cleanup = history.findHistoryCleanupJobs().get(0);
    }

    @Test
    void aRepCannotChangeRunOrDeleteTheHistoryCleanupJob() {
        String job = "/engine-rest/job/" + cleanup.getId();

        assertRefused(repApi.put(job + "/retries", Map.of("retries", 0)), "/job");
        assertRefused(repApi.put(job + "/duedate", Map.of("duedate", "2031-01-01T00:00:00.000+0000")), "/job");
        assertRefused(repApi.put(job + "/suspended", Map.of("suspended", true)), "/job");
        assertRefused(repApi.post(job + "/execute", Map.of()), "/job");
        assertRefused(repApi.delete(job), "/job");
        assertRefused(repApi.put("/engine-rest/engine/default/job/" + cleanup.getId() + "/retries",
                Map.of("retries", 0)), "/job");
        assertRefused(repApi.put("/engine-rest/job/retries", Map.of("jobIds", List.of(cleanup.getId()), "retries", 0)),
                "/job");

        assertUnchanged(cleanup);
    }

    @Test
    void aRepCannotReachTheOtherEngineWideDoors() {
        for (String path : List.of("/engine-rest/job", "/engine-rest/job-definition", "/engine-rest/batch",
                "/engine-rest/metrics/activity-instance-start/sum", "/engine-rest/schema/log",
                "/engine-rest/history/job-log", "/engine-rest/history/batch", "/engine-rest/history/cleanup/jobs",
                "/engine-rest/engine/default/batch")) {
            assertThat(repApi.get(path).status()).as(path).isEqualTo(403);
        }
        assertRefused(repApi.post("/engine-rest/history/cleanup", Map.of()), "/history/cleanup");
        assertRefused(repApi.post("/engine-rest/signal", Map.of("name", "anything")), "/signal");
        assertRefused(repApi.post("/engine-rest/process-instance/delete",
                Map.of("processInstanceQuery", Map.of(), "deleteReason", "gone")), "/process-instance/delete");
        assertRefused(repApi.put("/engine-rest/job-definition/suspended",
                Map.of("processDefinitionKey", "leadLifecycle", "suspended", true)), "/job-definition");
        // Doors that Camunda guards per resource stay open to the rep's own authorizations.
        assertThat(repApi.get("/engine-rest/task").status()).isEqualTo(200);
        assertThat(repApi.get("/engine-rest/engine").status()).isEqualTo(200);
        assertUnchanged(cleanup);
    }

    @Test
    void aChannelManagerIsNoAdministratorAtTheseDoors() {
        String manager = "cm-" + UUID.randomUUID().toString().substring(0, 8);
        access.provisionUser(manager, "Carla", "Channel", manager + "@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        ApiClient channelManager = ApiClient.as(port, manager, LeadFixtures.PASSWORD);

        assertRefused(channelManager.delete("/engine-rest/job/" + cleanup.getId()), "/job");
        assertThat(channelManager.get("/engine-rest/process-instance").status()).isEqualTo(200);
        assertUnchanged(cleanup);
    }

    @Test
    void aRepLoggedInToTasklistCannotTouchJobsThroughTheWebappsEngineApi() {
        WebappSession tasklist = WebappSession.open(port);
        assertThat(tasklist.login("tasklist", rep, LeadFixtures.PASSWORD)).isEqualTo(200);
        String job = "/camunda/api/engine/engine/default/job/" + cleanup.getId();

        assertRefused(tasklist.put(job + "/retries", "{\"retries\": 0}"), "/job");
        assertRefused(tasklist.put(job + "/suspended", "{\"suspended\": true}"), "/job");
        assertRefused(tasklist.post(job + "/execute", "{}"), "/job");
        assertRefused(tasklist.delete(job), "/job");
        assertRefused(tasklist.get("/camunda/api/engine/engine/default/batch"), "/batch");

        assertThat(tasklist.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(200);
        assertUnchanged(cleanup);
    }

    @Test
    void anAdministratorPassesTheEngineWideDoors() {
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        String job = "/engine-rest/job/" + cleanup.getId();

        assertThat(admin.get(job).status()).isEqualTo(200);
        assertThat(admin.put(job + "/retries", Map.of("retries", cleanup.getRetries())).status()).isEqualTo(204);
        assertThat(admin.get("/engine-rest/schema/log").status()).isEqualTo(200);
        WebappSession cockpit = WebappSession.open(port);
        assertThat(cockpit.login("cockpit", "admin", LeadFixtures.ADMIN_PASSWORD)).isEqualTo(200);
        assertThat(cockpit.get("/camunda/api/engine/engine/default/job/" + cleanup.getId()).status()).isEqualTo(200);
    }

    private static void assertRefused(Response response, String door) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("door").asText()).isEqualTo(door);
        assertThat(response.json().path("detail").asText()).contains("camunda-admin");
    }

    private void assertUnchanged(Job before) {
        Job now = management.createJobQuery().jobId(before.getId()).singleResult();
        assertThat(now).as("the job is still there").isNotNull();
        assertThat(now.getRetries()).isEqualTo(before.getRetries());
        assertThat(now.isSuspended()).isFalse();
        Date due = now.getDuedate();
        assertThat(due).isEqualTo(before.getDuedate());
    }
}

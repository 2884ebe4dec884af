package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresSession;
import io.leadbridge.support.PostgresTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep's action whose transaction deadlocks with another one on the same lead (the lead's own
 * job, or another node), on PostgreSQL through HTTP: the server runs it again instead of
 * answering 409 or 500. The deadlock surfaces through Camunda, at the flush of the task's completion.
 */
@PostgresTest
class LeadActionsConcurrencyPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired TaskService tasks;

    ExecutorService repThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        repThread.shutdownNow();
    }

    @Test
    void anAcceptWhoseTransactionLosesADeadlockIsRetriedAndAccepted() throws Exception {
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("pg-deadlock", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId)).singleResult()
                .getId();

        try (PostgresSession otherNode = new PostgresSession()) {
            // The other transaction holds the task; the accept locks the lead, then waits for the task.
            otherNode.execute("select id_ from act_ru_task where id_ = ? for update", taskId);
            CompletableFuture<Response> accepted = CompletableFuture.supplyAsync(
                    () -> rep.post("/api/leads/" + leadId + "/accept", "{}"), repThread);
            otherNode.awaitSessionsWaitingForALock(1);
            // Now it wants the lead: a deadlock, which the accept (waiting longer) loses.
            otherNode.execute("select id from lead where id = ? for update", leadId);
            otherNode.rollback();

            Response answer = accepted.get(30, TimeUnit.SECONDS);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.ACCEPTED);
    }

    /** The same race for an answer given in Tasklist: the task completed through the engine's REST API. */
    @Test
    void anAcceptThroughTheEngineRestApiThatLosesADeadlockIsRunAgainAndAccepted() throws Exception {
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("pg-deadlock-rest", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId)).singleResult()
                .getId();

        try (PostgresSession otherNode = new PostgresSession()) {
            // The other transaction holds the task; the completion writes the lead, then waits for the task.
            otherNode.execute("select id_ from act_ru_task where id_ = ? for update", taskId);
            CompletableFuture<Response> completed = CompletableFuture.supplyAsync(
                    () -> rep.post("/engine-rest/task/" + taskId + "/complete",
                            Map.of("variables", Map.of("offerDecision", Map.of("value", "ACCEPT")))), repThread);
            otherNode.awaitSessionsWaitingForALock(1);
            // Now it wants the lead: a deadlock, which the completion (waiting longer) loses.
            otherNode.execute("select id from lead where id = ? for update", leadId);
            otherNode.rollback();

            Response answer = completed.get(30, TimeUnit.SECONDS);

            assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        }
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }
}

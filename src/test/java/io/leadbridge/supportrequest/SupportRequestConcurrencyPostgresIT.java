package io.leadbridge.supportrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep's support request whose transaction deadlocks with another one on the same lead, on
 * PostgreSQL through HTTP: the server runs it again instead of answering 500, and the request is
 * stored once.
 */
@PostgresTest
class SupportRequestConcurrencyPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;

    ExecutorService repThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        repThread.shutdownNow();
    }

    @Test
    void aSupportRequestWhoseTransactionLosesADeadlockIsRetriedAndStoredOnce() throws Exception {
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("pg-support-deadlock", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(rep.post("/api/leads/" + leadId + "/accept", Map.of()).status()).isEqualTo(200);
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.ACCEPTED);

        try (PostgresSession otherNode = new PostgresSession()) {
            // The other transaction keeps new support requests out; the request locks the lead, then waits.
            otherNode.execute("lock table support_request in share mode");
            CompletableFuture<Response> asked = CompletableFuture.supplyAsync(
                    () -> rep.post("/api/leads/" + leadId + "/support-requests", Map.of("kind", "TECHNICAL_PRESALES",
                            "justification", "a proof of concept on the customer's network")), repThread);
            otherNode.awaitSessionsWaitingForALock(1);
            // Now it wants the lead: a deadlock, which the request (waiting longer) loses.
            otherNode.execute("select id from lead where id = ? for update", leadId);
            otherNode.rollback();

            Response answer = asked.get(30, TimeUnit.SECONDS);

            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        Response list = rep.get("/api/leads/" + leadId + "/support-requests");
        assertThat(list.json()).hasSize(1);
    }
}

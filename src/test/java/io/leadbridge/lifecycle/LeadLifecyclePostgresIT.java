package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lead's way from intake to offer, SLA breach, withdrawal and redistribution, on PostgreSQL
 * and through HTTP only, as marketing, channel managers and partner reps use it.
 */
@PostgresTest
class LeadLifecyclePostgresIT {

    @LocalServerPort int port;
    @Autowired EngineDriver engine;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    ApiClient admin;
    ApiClient marketing;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void aLeadIsOfferedWithdrawnWhenTheSlaIsMissedAndRedistributedToTheNextPartner() {
        String first = partner("northwind", "PLATINUM");
        String second = partner("contoso", "GOLD");
        ApiClient firstRep = rep(first);
        ApiClient secondRep = rep(second);

        var submission = fixtures.partnerLead("US");
        var created = marketing.post("/api/leads", submission);
        assertThat(created.status()).isEqualTo(201);
        assertThat(marketing.post("/api/leads", submission).status()).as("idempotent").isEqualTo(200);
        long id = created.json().path("id").asLong();
        engine.runDueJobs();

        JsonNode offered = admin.get("/api/leads/" + id).json();
        assertThat(offered.path("status").asText()).isEqualTo("OFFERED");
        String holder = offered.path("partnerId").asText();
        ApiClient holderRep = holder.equals(first) ? firstRep : secondRep;
        ApiClient nextRep = holder.equals(first) ? secondRep : firstRep;
        assertThat(holderRep.get("/engine-rest/task").json()).hasSize(1);
        assertThat(nextRep.get("/api/leads/" + id).status()).isEqualTo(403);

        engine.passTime(Duration.ofDays(1).plusMinutes(1));

        JsonNode redistributed = admin.get("/api/leads/" + id).json();
        assertThat(redistributed.path("status").asText()).isEqualTo("OFFERED");
        assertThat(redistributed.path("partnerId").asText()).isNotEqualTo(holder);
        assertThat(redistributed.path("attemptCount").asInt()).isEqualTo(2);
        List<String> types = new ArrayList<>();
        redistributed.path("events").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsSubsequence("CREATED", "QUALIFIED", "OFFERED", "REMINDED", "WITHDRAWN", "OFFERED");
        assertThat(holderRep.get("/engine-rest/task").json()).as("the withdrawn partner's task is gone").isEmpty();
        assertThat(holderRep.get("/api/leads/" + id).status()).isEqualTo(403);
        var late = holderRep.post("/api/leads/" + id + "/accept", "{}");
        assertThat(late.status()).as("a late answer from the withdrawn partner").isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("was withdrawn from your partner");

        var accepted = nextRep.post("/api/leads/" + id + "/accept", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from notification where lead_id = :id and kind = 'LEAD_WITHDRAWN'")
                .param("id", id).query(Integer.class).single()).isPositive();
    }

    @Test
    void twoPartnersAcceptingARacedLeadAtTheSameMomentLeaveExactlyOneWinner() throws Exception {
        String first = partner("racer-one", "SILVER");
        String second = partner("racer-two", "SILVER");
        ApiClient firstRep = rep(first);
        ApiClient secondRep = rep(second);
        long id = marketing.post("/api/leads", fixtures.lead("US", 90, 20, "Cloud Platform", "Retail")).json()
                .path("id").asLong();
        engine.runDueJobs();
        assertThat(jdbc.sql("select count(*) from lead_offer where lead_id = :id and outcome is null").param("id", id)
                .query(Integer.class).single()).as("both race for the lead").isEqualTo(2);

        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> {
                start.await();
                return firstRep.post("/api/leads/" + id + "/accept", "{}").status();
            });
            var two = pool.submit(() -> {
                start.await();
                return secondRep.post("/api/leads/" + id + "/accept", "{}").status();
            });
            start.countDown();
            List<Integer> statuses = List.of(one.get(30, java.util.concurrent.TimeUnit.SECONDS),
                    two.get(30, java.util.concurrent.TimeUnit.SECONDS));

            // The loser waits for the winner's lock on the lead, then finds its offer ended.
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String winner = statuses.get(0) == 200 ? first : second;
            JsonNode lead = admin.get("/api/leads/" + id).json();
            assertThat(lead.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(lead.path("partnerId").asText()).isEqualTo(winner);
            assertThat(jdbc.sql("select count(*) from lead_event where lead_id = :id and type = 'ACCEPTED'")
                    .param("id", id).query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from lead_offer where lead_id = :id and outcome = 'ACCEPTED'")
                    .param("id", id).query(Integer.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private String partner(String name, String tier) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        var response = admin.post("/api/partners", Map.of("id", id, "name", name, "tier", tier, "capacity", 10,
                "countries", List.of("US"), "competencies", List.of("Cloud"), "managerEmail", name + "@partner.example"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private ApiClient rep(String partnerId) {
        String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        var response = admin.post("/api/partners/" + partnerId + "/reps", Map.of("username", username,
                "firstName", "Rae", "lastName", "Rep", "email", username + "@partner.example",
                "password", LeadFixtures.PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }
}

package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Inside a partner on PostgreSQL, through HTTP only: a channel manager names a lead manager, who
 * writes two reps' profiles; offers rotate between the reps, the inside SLA moves an offer on with
 * the engine clock, the lead manager reassigns it with a note and reads why in the routing.
 */
@PostgresTest
class InsidePartnerPostgresIT {

    @LocalServerPort int port;
    @Autowired EngineDriver engine;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    ApiClient carol;
    ApiClient marketing;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void offersRotateMoveOnAndAreReassignedInsideThePartner() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String manager = person(partner, "mgr", "LEAD_MANAGER");
        String anna = person(partner, "a-anna", "REP");
        String bert = person(partner, "b-bert", "REP");
        ApiClient managerClient = ApiClient.as(port, manager, LeadFixtures.PASSWORD);
        for (String rep : List.of(anna, bert)) {
            Response saved = managerClient.put("/api/partners/" + partner + "/reps/" + rep + "/profile",
                    Map.of("capacity", 5, "countries", List.of("US"), "products", List.of("Cloud Platform")));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }

        List<String> holders = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.json().path("id").asLong());
            engine.runDueJobs();
            holders.add(carol.get("/api/leads/" + ids.get(i)).json().path("repUsername").asText());
        }
        assertThat(holders).containsExactly(anna, bert, anna);

        engine.passTime(Duration.ofHours(4).plusMinutes(1));
        assertThat(carol.get("/api/leads/" + ids.get(0)).json().path("repUsername").asText())
                .as("anna let the inside SLA pass").isEqualTo(bert);

        Response moved = managerClient.post("/api/leads/" + ids.get(0) + "/reassign-rep",
                Map.of("rep", anna, "note", "back to Anna, she called them yesterday"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode inside = managerClient.get("/api/leads/" + ids.get(0) + "/routing").json().path("insidePartner");
        assertThat(inside).extracting(a -> a.path("method").asText())
                .containsExactly("ROTATION", "ROTATION", "REASSIGNED");
        assertThat(inside.get(1).path("reason").asText()).contains(anna + " did not accept within PT4H");
        assertThat(ApiClient.as(port, anna, LeadFixtures.PASSWORD).post("/api/leads/" + ids.get(0) + "/accept",
                Map.of()).status()).isEqualTo(200);
    }

    private String person(String partnerId, String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "name", "Pat Person",
                "email", username + "@partner.example", "password", LeadFixtures.PASSWORD, "role", role));
        Response created = carol.post("/api/partners/" + partnerId + "/reps", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}

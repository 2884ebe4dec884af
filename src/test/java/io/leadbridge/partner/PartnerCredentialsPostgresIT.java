package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner CRM on PostgreSQL, through HTTP only. The late update matters here: the refusal
 * holds the lead's row locked, and its event must still be written, not wait for that lock.
 */
@PostgresTest
class PartnerCredentialsPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;

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

    @Test
    void aCrmAcceptingAWithdrawnLeadIsRefusedAndTheRefusalIsOnTheLead() {
        String partner = fixtures.partner("pg-crm", PartnerTier.GOLD, "US");
        JsonNode credential = carol.post("/api/partners/" + partner + "/credentials", Map.of("label", "Dynamics"))
                .json();
        ApiClient crm = ApiClient.as(port, credential.path("clientId").asText(), credential.path("secret").asText());
        long id = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        engine.runDueJobs();
        assertThat(crm.get("/api/leads").json().path("items")).hasSize(1);
        carol.post("/api/leads/" + id + "/withdraw", Map.of("reason", "duplicate of a direct deal"));
        engine.runDueJobs();

        Response late = crm.post("/api/leads/" + id + "/accept", "{}");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("was withdrawn from your partner at");
        assertThat(carol.get("/api/leads/" + id).json().path("events").findValuesAsText("type"))
                .contains("LATE_UPDATE_REFUSED");
        assertThat(carol.delete("/api/partners/" + partner + "/credentials/" + credential.path("clientId").asText())
                .status()).isEqualTo(204);
        assertThat(crm.get("/api/leads").status()).isEqualTo(401);
    }
}

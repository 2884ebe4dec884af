package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partner CRMs log in with API credentials of their own and act as their partner, and only as it. */
@LeadbridgeTest
class PartnerCredentialsTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    ApiClient carol;
    ApiClient marketing;
    String partner;
    String other;

    @BeforeEach
    void partnersAndUsers() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        partner = fixtures.partner("crm-us", PartnerTier.GOLD, "US");
        other = fixtures.partner("crm-ca", PartnerTier.GOLD, "CA");
    }

    @Test
    void aCrmWithItsCredentialSeesAndAcceptsOnlyItsOwnPartnersLeads() {
        long ours = offeredLead("US");
        long theirs = offeredLead("CA");

        Response created = carol.post("/api/partners/" + partner + "/credentials", Map.of("label", "Salesforce sync"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String clientId = created.json().path("clientId").asText();
        String secret = created.json().path("secret").asText();
        assertThat(clientId).startsWith("lbc_");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(created.location()).isEqualTo("/api/partners/" + partner + "/credentials/" + clientId);
        assertThat(created.json().path("createdBy").asText()).isEqualTo("carol");
        ApiClient crm = ApiClient.as(port, clientId, secret);

        JsonNode leads = crm.get("/api/leads").json();
        assertThat(ids(leads)).containsExactly(ours);
        assertThat(crm.get("/api/leads?partner=" + other).status()).isEqualTo(403);
        assertThat(crm.get("/api/leads/" + theirs).status()).isEqualTo(403);
        assertThat(crm.get("/api/partners").json()).hasSize(1);
        assertThat(crm.post("/api/partners/" + partner + "/webhooks", Map.of("url", "https://crm.example/hook"))
                .status()).as("a credential cannot set up a feed that outlives it").isEqualTo(403);
        assertThat(crm.get("/api/partners/" + partner + "/webhooks").status()).isEqualTo(200);

        Response accepted = crm.post("/api/leads/" + ours + "/accept", "{}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("repUsername").asText()).isEqualTo(clientId);
        assertThat(events(carol.get("/api/leads/" + ours).json(), "ACCEPTED"))
                .anySatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo(clientId));
        Response contacted = crm.post("/api/leads/" + ours + "/contact", Map.of("outcome", "CONTACTED",
                "note", "synced from Salesforce"));
        assertThat(contacted.json().path("status").asText()).isEqualTo("CONTACTED");
    }

    @Test
    void theListShowsNoSecretAndOnlyAHashOfItIsStored() {
        Response created = carol.post("/api/partners/" + partner + "/credentials", Map.of("label", "HubSpot"));
        String clientId = created.json().path("clientId").asText();
        String secret = created.json().path("secret").asText();
        ApiClient.as(port, clientId, secret).get("/api/leads");

        Response listed = carol.get("/api/partners/" + partner + "/credentials");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        JsonNode credential = listed.json().get(0);
        assertThat(credential.path("clientId").asText()).isEqualTo(clientId);
        assertThat(credential.path("label").asText()).isEqualTo("HubSpot");
        assertThat(credential.path("active").asBoolean()).isTrue();
        assertThat(credential.path("lastUsedAt").isNull()).as("the use is noted").isFalse();
        String stored = jdbc.sql("select secret_hash from partner_credential where client_id = :id")
                .param("id", clientId).query(String.class).single();
        assertThat(stored).isNotEqualTo(secret).doesNotContain(secret).hasSize(64);
        assertThat(carol.get("/api/partners/" + partner + "/credentials/" + clientId).body()).doesNotContain(secret);
    }

    @Test
    void anotherPartnersCrmCannotTouchOurLeadsNorManageOurCredentials() {
        long ours = offeredLead("US");
        ApiClient theirCrm = crm(other).client();
        ApiClient theirRep = ApiClient.as(port, fixtures.rep(other), LeadFixtures.PASSWORD);

        assertThat(theirCrm.get("/api/leads/" + ours).status()).isEqualTo(403);
        assertThat(theirCrm.post("/api/leads/" + ours + "/accept", "{}").status()).isEqualTo(403);
        assertThat(theirCrm.post("/api/leads/" + ours + "/decline", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(theirCrm.get("/api/leads").json().path("items")).isEmpty();
        assertThat(theirCrm.post("/api/partners/" + partner + "/credentials", Map.of()).status()).isEqualTo(403);
        assertThat(theirCrm.post("/api/partners/" + other + "/credentials", Map.of()).status())
                .as("a credential cannot mint credentials, not even for its own partner").isEqualTo(403);
        assertThat(theirRep.post("/api/partners/" + partner + "/credentials", Map.of()).status()).isEqualTo(403);
        assertThat(theirRep.get("/api/partners/" + partner + "/credentials").status()).isEqualTo(403);
        assertThat(marketing.post("/api/partners/" + partner + "/credentials", Map.of()).status()).isEqualTo(403);
        assertThat(carol.post("/api/partners/no-such-partner/credentials", Map.of()).status()).isEqualTo(404);
        assertThat(fixtures.lead(ours).status().name()).isEqualTo("OFFERED");

        Response ownRep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD)
                .post("/api/partners/" + partner + "/credentials", null);
        assertThat(ownRep.status()).as("a partner's rep creates credentials for its own partner").isEqualTo(201);
    }

    @Test
    void aRevokedCredentialAndAWrongSecretAreRefused() {
        Response created = carol.post("/api/partners/" + partner + "/credentials", Map.of());
        String clientId = created.json().path("clientId").asText();
        ApiClient crm = ApiClient.as(port, clientId, created.json().path("secret").asText());
        assertThat(crm.get("/api/leads").status()).isEqualTo(200);

        assertThat(ApiClient.as(port, clientId, "wrong-secret").get("/api/leads").status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "lbc_000000000000000000000000", "x").get("/api/leads").status()).isEqualTo(401);

        assertThat(carol.delete("/api/partners/" + other + "/credentials/" + clientId).status())
                .as("not a credential of that partner").isEqualTo(404);
        assertThat(carol.delete("/api/partners/" + partner + "/credentials/" + clientId).status()).isEqualTo(204);

        Response refused = crm.get("/api/leads");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("status").asInt()).isEqualTo(401);
        JsonNode listed = carol.get("/api/partners/" + partner + "/credentials/" + clientId).json();
        assertThat(listed.path("active").asBoolean()).isFalse();
        assertThat(listed.path("revokedBy").asText()).isEqualTo("carol");
    }

    @Test
    void aCredentialDoesNotOpenTheEngineRestApi() {
        ApiClient crm = crm(partner).client();
        offeredLead("US");

        Response tasks = crm.get("/engine-rest/task");
        assertThat(tasks.status()).isEqualTo(403);
        assertThat(tasks.json().path("detail").asText()).contains("Camunda users");
        assertThat(crm.get("/engine-rest/process-instance").status()).isEqualTo(403);
        assertThat(crm.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "sneaky"))).status())
                .isEqualTo(403);
        assertThat(crm.get("/engine-rest/user").status()).isEqualTo(403);
    }

    @Test
    void aLateAcceptFromAWithdrawnPartnerIsRefusedWithTheTimeOfTheWithdrawalAndRecorded() {
        long id = offeredLead("US");
        Crm crm = crm(partner);
        assertThat(carol.post("/api/leads/" + id + "/withdraw", Map.of("reason", "prospect asked for a call first"))
                .status()).isEqualTo(200);
        engine.runDueJobs();
        String withdrawnAt = jdbc.sql("select closed_at from lead_offer where lead_id = :id and partner_id = :p")
                .param("id", id).param("p", partner).query(java.sql.Timestamp.class).single().toInstant().toString();

        Response late = crm.client().post("/api/leads/" + id + "/accept", "{}");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText())
                .contains("was withdrawn from your partner at " + withdrawnAt);
        List<JsonNode> refused = events(carol.get("/api/leads/" + id).json(), "LATE_UPDATE_REFUSED");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("actor").asText()).isEqualTo(crm.clientId());
        assertThat(refused.get(0).path("partnerId").asText()).isEqualTo(partner);
        assertThat(refused.get(0).path("detail").asText()).startsWith("accept refused").contains(withdrawnAt);
        assertThat(fixtures.lead(id).status().name()).isNotEqualTo("ACCEPTED");
    }

    @Test
    void aLateStatusUpdateOnALeadThePartnerAcceptedAndWasReassignedIsRefusedAndRecorded() {
        long id = offeredLead("US");
        ApiClient crm = crm(partner).client();
        assertThat(crm.post("/api/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
        assertThat(carol.post("/api/leads/" + id + "/assign", Map.of("partnerId", other)).status()).isEqualTo(200);
        engine.runDueJobs();
        assertThat(fixtures.lead(id).partnerId()).isEqualTo(other);

        Response late = crm.post("/api/leads/" + id + "/contact", Map.of("outcome", "CONTACTED"));

        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("was withdrawn from your partner at");
        assertThat(events(carol.get("/api/leads/" + id).json(), "LATE_UPDATE_REFUSED"))
                .singleElement().satisfies(e -> assertThat(e.path("detail").asText())
                        .startsWith("contact report CONTACTED refused"));
    }

    /** A partner CRM logged in with a new credential of the partner. */
    private record Crm(String clientId, ApiClient client) {
    }

    private Crm crm(String partnerId) {
        JsonNode created = carol.post("/api/partners/" + partnerId + "/credentials", Map.of("label", "CRM")).json();
        String clientId = created.path("clientId").asText();
        return new Crm(clientId, ApiClient.as(port, clientId, created.path("secret").asText()));
    }

    private long offeredLead(String country) {
        long id = marketing.post("/api/leads", fixtures.partnerLead(country)).json().path("id").asLong();
        engine.runDueJobs();
        assertThat(fixtures.lead(id).status().name()).isEqualTo("OFFERED");
        return id;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static List<JsonNode> events(JsonNode lead, String type) {
        List<JsonNode> found = new ArrayList<>();
        lead.path("events").forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }
}

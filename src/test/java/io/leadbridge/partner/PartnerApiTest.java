package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/partners} over HTTP: partners become Camunda groups, reps Camunda users who can log in. */
@LeadbridgeTest
class PartnerApiTest {

    @LocalServerPort int port;
    @Autowired AccessProvisioning access;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;

    ApiClient carol;

    @BeforeEach
    void channelManager() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    @Test
    void aChannelManagerCreatesAPartnerThatBecomesACamundaGroupWithTasklistAccess() {
        String id = "tailspin-" + UUID.randomUUID().toString().substring(0, 6);

        Response created = carol.post("/api/partners", partner(id, "GOLD", List.of("GB", "IE")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/partners/" + id);
        JsonNode body = created.json();
        assertThat(body.path("tier").asText()).isEqualTo("GOLD");
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("group").asText()).isEqualTo("partner-" + id);
        assertThat(identity.createGroupQuery().groupId("partner-" + id).singleResult().getName())
                .isEqualTo("Tailspin Solutions");
        assertThat(authorizations.isUserAuthorized(null, List.of("partner-" + id), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized(null, List.of("partner-" + id), Permissions.READ,
                Resources.PROCESS_INSTANCE, "*")).as("no access to other partners' leads").isFalse();
        assertThat(carol.post("/api/partners", partner(id, "GOLD", List.of("GB"))).status()).isEqualTo(409);
    }

    @Test
    void aPartnerIdIsDerivedFromItsNameWhenLeftOut() {
        Map<String, Object> body = partner(null, "SILVER", List.of("FR"));
        body.put("name", "Litware Networks " + UUID.randomUUID().toString().substring(0, 4).toUpperCase());

        Response created = carol.post("/api/partners", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).startsWith("litware-networks-");
    }

    @Test
    void anInvalidPartnerIsRefusedNamingTheFields() {
        Map<String, Object> body = partner("Bad Id!", "DIAMOND", List.of("XX"));
        body.put("capacity", 0);
        body.put("managerEmail", "nope");

        Response refused = carol.post("/api/partners", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("tier");

        body.put("tier", "GOLD");
        List<String> fields = new ArrayList<>();
        carol.post("/api/partners", body).json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("id", "capacity", "managerEmail", "countries[]");
    }

    @Test
    void aRepCreatedForAPartnerLogsInAndSeesOnlyItsOwnPartner() {
        String id = "proseware-" + UUID.randomUUID().toString().substring(0, 6);
        String other = "adatum-" + UUID.randomUUID().toString().substring(0, 6);
        carol.post("/api/partners", partner(id, "REGISTERED", List.of("US")));
        carol.post("/api/partners", partner(other, "PLATINUM", List.of("GB")));
        String username = "pete-" + UUID.randomUUID().toString().substring(0, 6);

        Response rep = carol.post("/api/partners/" + id + "/reps", Map.of("username", username, "firstName", "Pete",
                "lastName", "Pro", "email", username + "@proseware.example", "password", "Quick-Fox-2026"));

        assertThat(rep.status()).isEqualTo(201);
        assertThat(rep.body()).doesNotContain("Quick-Fox-2026");
        assertThat(carol.get(rep.location()).json().path("firstName").asText()).isEqualTo("Pete");
        assertThat(identity.createUserQuery().userId(username).memberOfGroup("partner-" + id).count()).isEqualTo(1);
        ApiClient pete = ApiClient.as(port, username, "Quick-Fox-2026");
        assertThat(pete.get("/api/partners/" + id).json().path("reps").get(0).path("username").asText())
                .isEqualTo(username);
        assertThat(pete.get("/api/partners").json()).hasSize(1);
        assertThat(pete.get("/api/partners/" + other).status()).isEqualTo(403);
        assertThat(pete.post("/api/partners", partner("pete-co", "GOLD", List.of("US"))).status()).isEqualTo(403);
        assertThat(pete.get("/engine-rest/filter").json()).extracting(f -> f.path("name").asText())
                .contains("Offers for my partner", "My leads").doesNotContain("Leads to distribute");
        assertThat(carol.post("/api/partners/" + id + "/reps", Map.of("username", username, "firstName", "P",
                "lastName", "P", "email", "p@p.example", "password", "Another-Pass-1")).status()).isEqualTo(409);
        assertThat(carol.post("/api/partners/" + id + "/reps", Map.of("username", "x y", "firstName", "P",
                "lastName", "P", "email", "p@p.example", "password", "short")).json().path("errors")).hasSize(2);
        assertThat(carol.post("/api/partners/" + id + "/reps", Map.of("username", "nameless", "email", "n@p.example",
                "password", "long-enough")).json().path("errors").get(0).path("message").asText())
                .isEqualTo("give firstName and lastName, or name");
        Response oneName = carol.post("/api/partners/" + id + "/reps", Map.of("username", username + "-2",
                "name", "Paula van Proseware", "email", "paula@proseware.example", "password", "Quick-Fox-2026"));
        assertThat(oneName.status()).isEqualTo(201);
        assertThat(oneName.json().path("firstName").asText()).isEqualTo("Paula van");
        assertThat(oneName.json().path("lastName").asText()).isEqualTo("Proseware");
        assertThat(carol.post("/api/partners/no-such-partner/reps", Map.of("username", "nobody1", "firstName", "N",
                "lastName", "N", "email", "n@n.example", "password", "long-enough")).status()).isEqualTo(404);
    }

    @Test
    void aChannelManagerChangesAPartnersTierCapacityAndStatus() {
        String id = "fabrikam-" + UUID.randomUUID().toString().substring(0, 6);
        carol.post("/api/partners", partner(id, "SILVER", List.of("DE")));
        Map<String, Object> changed = partner(null, "GOLD", List.of("DE", "AT", "CH"));
        changed.put("capacity", 25);
        changed.put("status", "INACTIVE");
        changed.put("name", "Fabrikam IT");

        Response updated = carol.put("/api/partners/" + id, changed);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("tier").asText()).isEqualTo("GOLD");
        assertThat(updated.json().path("capacity").asInt()).isEqualTo(25);
        assertThat(updated.json().path("status").asText()).isEqualTo("INACTIVE");
        assertThat(updated.json().path("countries")).hasSize(3);
        assertThat(identity.createGroupQuery().groupId("partner-" + id).singleResult().getName()).isEqualTo("Fabrikam IT");
        assertThat(carol.put("/api/partners/unknown-partner", changed).status()).isEqualTo(404);
        changed.put("id", "another-id");
        assertThat(carol.put("/api/partners/" + id, changed).status()).isEqualTo(400);
    }

    @Test
    void vendorGroupsAndTasklistFiltersExistFromTheStart() {
        assertThat(identity.createGroupQuery().groupId(VendorGroups.CHANNEL_MANAGERS).count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupId(VendorGroups.INSIDE_SALES).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(VendorGroups.CHANNEL_MANAGERS).count())
                .as("the first admin may do all a channel manager may").isEqualTo(1);
        assertThat(filters.createTaskFilterQuery().filterName("Offers for my partner").count()).isEqualTo(1);
        assertThat(filters.createTaskFilterQuery().filterName("Leads to distribute").count()).isEqualTo(1);
    }

    private static Map<String, Object> partner(String id, String tier, List<String> countries) {
        Map<String, Object> body = new HashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("name", "Tailspin Solutions");
        body.put("tier", tier);
        body.put("capacity", 40);
        body.put("managerEmail", "channel@partner.example");
        body.put("countries", countries);
        body.put("industries", List.of("Healthcare", "Retail"));
        body.put("competencies", List.of("Cloud", "Security"));
        body.put("certifications", List.of("HIPAA"));
        return body;
    }
}

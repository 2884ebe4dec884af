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
import io.leadbridge.support.WebappSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner's lead managers: created through {@code /api/partners/{id}/reps} with a role, members of
 * {@code partner-<id>-managers}, and in Tasklist they see every task of their partner's reps and
 * nothing of another partner.
 */
@LeadbridgeTest
class PartnerRolesTest {

    private static final String TASKS = "/camunda/api/engine/engine/default/task";

    @LocalServerPort int port;
    @Autowired AccessProvisioning access;
    @Autowired IdentityService identity;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AuthorizationService authorizations;
    @Autowired ManagersKnowTheirPeople managersKnowTheirPeople;

    ApiClient carol;

    @BeforeEach
    void channelManager() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    @Test
    void aLeadManagerIsCreatedWithItsRoleAndJoinsThePartnersManagersGroup() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String username = "mgr-" + UUID.randomUUID().toString().substring(0, 8);

        Response created = carol.post("/api/partners/" + partner + "/reps", person(username, "LEAD_MANAGER"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("role").asText()).isEqualTo("LEAD_MANAGER");
        assertThat(groupsOf(username)).containsExactlyInAnyOrder("partner-" + partner,
                "partner-" + partner + "-managers");
        Response rep = carol.post("/api/partners/" + partner + "/reps", person("rep-" + username, null));
        assertThat(rep.json().path("role").asText()).isEqualTo("REP");
        assertThat(groupsOf("rep-" + username)).containsExactly("partner-" + partner);
        ApiClient manager = ApiClient.as(port, username, LeadFixtures.PASSWORD);
        assertThat(manager.get("/api/me").json().path("partnerId").asText()).isEqualTo(partner);
    }

    @Test
    void aChannelManagerChangesARolesBothWays() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);

        Response promoted = carol.put("/api/partners/" + partner + "/reps/" + rep + "/role",
                Map.of("role", "LEAD_MANAGER"));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(groupsOf(rep)).contains("partner-" + partner + "-managers");
        assertThat(carol.get("/api/partners/" + partner + "/reps/" + rep).json().path("role").asText())
                .isEqualTo("LEAD_MANAGER");

        Response demoted = carol.put("/api/partners/" + partner + "/reps/" + rep + "/role", Map.of("role", "REP"));
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(groupsOf(rep)).containsExactly("partner-" + partner);
    }

    @Test
    void onlyChannelManagersGiveRolesAndBadRolesAreRefusedByName() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        String manager = manager(partner);
        String path = "/api/partners/" + partner + "/reps/" + rep + "/role";

        assertThat(ApiClient.as(port, rep, LeadFixtures.PASSWORD).put(path, Map.of("role", "LEAD_MANAGER")).status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, manager, LeadFixtures.PASSWORD).put(path, Map.of("role", "LEAD_MANAGER"))
                .status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).put(path, Map.of("role", "LEAD_MANAGER")).status()).isEqualTo(401);
        Response unknown = carol.put(path, Map.of("role", "CEO"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("role").doesNotContain("Exception");
        Response missing = carol.put(path, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("role");
        Response nul = carol.put(path, Map.of("role", "LEAD\u0000MANAGER"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("role");
        Response wrongPartner = carol.put("/api/partners/" + fixtures.partner("beta", PartnerTier.GOLD, "DE")
                + "/reps/" + rep + "/role", Map.of("role", "LEAD_MANAGER"));
        assertThat(wrongPartner.status()).isEqualTo(404);
        assertThat(groupsOf(rep)).containsExactly("partner-" + partner);
        Response badCreate = carol.post("/api/partners/" + partner + "/reps", person("x-" + rep, "OWNER"));
        assertThat(badCreate.status()).isEqualTo(400);
        assertThat(badCreate.body()).contains("role");
    }

    @Test
    void aPartnerIdThatWouldNameAManagersGroupIsRefused() {
        Map<String, Object> body = new HashMap<>(Map.of("id", "acme-managers", "name", "Acme", "tier", "GOLD",
                "capacity", 10, "countries", List.of("US")));

        Response refused = carol.post("/api/partners", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"id\"").contains("-managers");
    }

    @Test
    void aLeadManagerSeesEveryTaskOfItsRepsInTasklistAndAnotherPartnersManagerNone() {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        String rep = fixtures.rep(ours);
        String manager = manager(ours);
        String otherManager = manager(theirs);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();

        assertThat(tasksOf(manager)).as("the offer, through the partner's queue").hasSize(1);
        Response accepted = ApiClient.as(port, rep, LeadFixtures.PASSWORD).post("/api/leads/" + leadId + "/accept",
                Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        JsonNode managerTasks = tasksOf(manager);
        assertThat(managerTasks).hasSize(1);
        assertThat(managerTasks.get(0).path("assignee").asText()).isEqualTo(rep);
        assertThat(managerTasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ContactProspect");
        assertThat(tasksOf(otherManager)).isEmpty();
        assertThat(ApiClient.as(port, otherManager, LeadFixtures.PASSWORD).get("/api/leads/" + leadId).status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, manager, LeadFixtures.PASSWORD).get("/api/leads/" + leadId).status())
                .isEqualTo(200);
        WebappSession session = WebappSession.open(port);
        session.login("tasklist", manager, LeadFixtures.PASSWORD);
        assertThat(session.get("/camunda/api/engine/engine/default/filter").json().findValuesAsText("name"))
                .contains("Team offers", "Unassigned offers", "Team leads", "My offers");
    }

    @Test
    void aLeadManagerFindsItsOwnPartnersPeopleInTasklistToAssignThemTasksAndNobodyElse() {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String earlier = fixtures.rep(ours);
        String manager = manager(ours);
        String later = fixtures.rep(ours);
        String stranger = fixtures.rep(fixtures.partner("beta", PartnerTier.GOLD, "DE"));

        assertThat(usersFound(manager, earlier)).as("a rep added before the manager").isEqualTo(1);
        assertThat(usersFound(manager, later)).isEqualTo(1);
        assertThat(usersFound(manager, stranger)).as("another partner's rep").isZero();
        assertThat(usersFound(earlier, later)).as("reps do not look up their colleagues").isZero();
    }

    @Test
    void peopleAddedBeforeTheirManagersCouldLookThemUpAreMadeKnownAtStartAndOtherPartnersStayUnknown() {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String manager = manager(ours);
        String rep = fixtures.rep(ours);
        String stranger = fixtures.rep(fixtures.partner("beta", PartnerTier.GOLD, "DE"));
        // as in a database of a version before the grant
        authorizations.createAuthorizationQuery().groupIdIn(VendorGroups.managersGroupOf(ours))
                .resourceType(Resources.USER).resourceId(rep).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        assertThat(usersFound(manager, rep)).isZero();

        assertThat(managersKnowTheirPeople.grantMissing(ours)).isEqualTo(1);
        managersKnowTheirPeople.grantMissing();  // what a start does, over every partner

        assertThat(usersFound(manager, rep)).isEqualTo(1);
        assertThat(usersFound(manager, stranger)).isZero();
        assertThat(managersKnowTheirPeople.grantMissing(ours)).as("nothing left to grant").isZero();
    }

    /** How many users the person finds under the username through Tasklist's own user lookup. */
    private int usersFound(String username, String lookedFor) {
        WebappSession session = WebappSession.open(port);
        assertThat(session.login("tasklist", username, LeadFixtures.PASSWORD)).isEqualTo(200);
        Response users = session.get("/camunda/api/engine/engine/default/user?id=" + lookedFor);
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        return users.json().size();
    }

    private JsonNode tasksOf(String username) {
        WebappSession session = WebappSession.open(port);
        assertThat(session.login("tasklist", username, LeadFixtures.PASSWORD)).isEqualTo(200);
        Response tasks = session.get(TASKS);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        return tasks.json();
    }

    private String manager(String partnerId) {
        String username = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = carol.post("/api/partners/" + partnerId + "/reps", person(username, "LEAD_MANAGER"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private List<String> groupsOf(String username) {
        return identity.createGroupQuery().groupMember(username).list().stream().map(g -> g.getId()).toList();
    }

    private static Map<String, Object> person(String username, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "name", "Max Manager",
                "email", username + "@partner.example", "password", LeadFixtures.PASSWORD));
        if (role != null) {
            body.put("role", role);
        }
        return body;
    }
}

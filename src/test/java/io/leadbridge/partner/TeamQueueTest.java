package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import io.leadbridge.support.WebappSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner that keeps no team queue, over HTTP and in Tasklist: each rep sees only the leads and
 * offers assigned to it, its lead managers see all of them, another partner's manager sees nothing.
 */
@LeadbridgeTest
class TeamQueueTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired PartnerPeople people;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;
    @Autowired AccessProvisioning access;

    private String partner;
    private String manager;
    private String anna;
    private String bert;
    private long annasLead;
    private long bertsLead;

    @BeforeEach
    void twoRepsWithALeadEachAndNoTeamQueue() {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        manager = people.person(partner, "mgr", PartnerRole.LEAD_MANAGER);
        anna = people.repInTheUs(partner, "a-anna");
        bert = people.repInTheUs(partner, "b-bert");
        Response off = as(manager).put("/api/partners/" + partner + "/dispatch",
                Map.of("teamQueue", false, "manualDispatch", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        annasLead = fixtures.submit(fixtures.partnerLead("US"));
        bertsLead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(annasLead).repUsername()).isEqualTo(anna);
        assertThat(fixtures.lead(bertsLead).repUsername()).isEqualTo(bert);
    }

    @Test
    void aRepNeverSeesAnotherRepsLeadThroughTheApi() {
        assertThat(leadIds(as(anna))).containsExactly(annasLead);
        assertThat(leadIds(as(bert))).containsExactly(bertsLead);
        assertThat(as(anna).get("/api/leads/" + bertsLead).status()).isEqualTo(403);
        assertThat(as(anna).post("/api/leads/" + bertsLead + "/accept", Map.of()).status()).isEqualTo(403);
        assertThat(as(anna).get("/api/leads?format=csv").body()).doesNotContain("," + bertsLead + ",")
                .doesNotContain("\n" + bertsLead + ",");
        assertThat(leadIds(as(manager))).containsExactlyInAnyOrder(annasLead, bertsLead);
        assertThat(as(anna).post("/api/leads/" + annasLead + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(as(bert).get("/api/leads/" + annasLead).status()).isEqualTo(403);
    }

    @Test
    void inTasklistEachRepSeesItsOwnOffersAndTheManagersSeeAll() {
        assertThat(taskLeads(anna)).containsExactly("Lead " + annasLead);
        assertThat(taskLeads(bert)).containsExactly("Lead " + bertsLead);
        assertThat(taskLeads(manager)).containsExactlyInAnyOrder("Lead " + annasLead, "Lead " + bertsLead);
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        String theirManager = people.person(theirs, "mgr", PartnerRole.LEAD_MANAGER);
        assertThat(taskLeads(theirManager)).isEmpty();
        assertThat(leadIds(as(theirManager))).isEmpty();
        assertThat(as(theirManager).get("/api/leads/" + annasLead).status()).isEqualTo(403);
    }

    private List<String> taskLeads(String username) {
        WebappSession session = WebappSession.open(port);
        assertThat(session.login("tasklist", username, LeadFixtures.PASSWORD)).isEqualTo(200);
        Response tasks = session.get("/camunda/api/engine/engine/default/task");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        List<String> leads = new ArrayList<>();
        tasks.json().forEach(t -> leads.add(t.path("description").asText().split(",")[0]));
        return leads;
    }

    private List<Long> leadIds(ApiClient client) {
        Response page = client.get("/api/leads");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : page.json().path("items")) {
            ids.add(item.path("id").asLong());
        }
        return ids;
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }
}

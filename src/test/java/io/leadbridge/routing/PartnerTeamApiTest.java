package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/partners/{id}/team} over HTTP: each person of the partner with role, profile, open
 * leads against capacity and absence, for channel managers and the partner's lead managers; a rep sees
 * its own row; another partner's people and strangers nothing.
 */
@LeadbridgeTest
class PartnerTeamApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired PartnerPeople people;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;

    private String partner;
    private String manager;
    private String anna;
    private String bert;

    /** Anna holds an offer (the rotation's first rep); Bert is away with Anna standing in. */
    @BeforeEach
    void aTeamWithAnOfferAndAnAbsence() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        manager = people.person(partner, "mgr", PartnerRole.LEAD_MANAGER);
        anna = people.repInTheUs(partner, "a-anna");
        bert = people.repInTheUs(partner, "b-bert");
        fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Response away = as(manager).put("/api/partners/" + partner + "/reps/" + bert + "/profile", Map.of(
                "capacity", 4, "countries", List.of("US"), "awayFrom", "2000-01-01T00:00:00Z",
                "awayUntil", "2999-01-01T00:00:00Z", "standIn", anna));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
    }

    @Test
    void theLeadManagersAndChannelManagersSeeTheWholeTeamWithItsLoad() {
        for (ApiClient reader : List.of(as(manager), ApiClient.as(port, "carol", LeadFixtures.PASSWORD))) {
            Response team = reader.get(path(partner));

            assertThat(team.status()).as(team.body()).isEqualTo(200);
            assertThat(usernames(team.json())).containsExactlyInAnyOrder(manager, anna, bert);
            JsonNode annaRow = member(team.json(), anna);
            assertThat(annaRow.path("role").asText()).isEqualTo("REP");
            assertThat(annaRow.path("openLeads").asInt()).as("the offer she holds").isEqualTo(1);
            assertThat(annaRow.path("profile").path("capacity").asInt()).isEqualTo(5);
            assertThat(annaRow.path("awayNow").asBoolean()).isFalse();
            JsonNode bertRow = member(team.json(), bert);
            assertThat(bertRow.path("openLeads").asInt()).isZero();
            assertThat(bertRow.path("awayNow").asBoolean()).isTrue();
            assertThat(bertRow.path("profile").path("standIn").asText()).isEqualTo(anna);
            JsonNode managerRow = member(team.json(), manager);
            assertThat(managerRow.path("role").asText()).isEqualTo("LEAD_MANAGER");
            assertThat(managerRow.has("profile")).as("no profile: not dispatched automatically").isFalse();
        }
    }

    @Test
    void aRepSeesItsOwnRowAndNobodyElsesOrAnotherPartners() {
        Response own = as(bert).get(path(partner));

        assertThat(own.status()).isEqualTo(200);
        assertThat(usernames(own.json())).containsExactly(bert);
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        String theirManager = people.person(theirs, "mgr", PartnerRole.LEAD_MANAGER);
        assertThat(as(theirManager).get(path(partner)).status()).isEqualTo(403);
        assertThat(as(bert).get(path(theirs)).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get(path(partner)).status()).isEqualTo(401);
        assertThat(as(manager).get(path("nobody-here")).status()).isIn(403, 404);
        assertThat(ApiClient.as(port, "carol", LeadFixtures.PASSWORD).get(path("nobody-here")).status())
                .isEqualTo(404);
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }

    private static String path(String partnerId) {
        return "/api/partners/" + partnerId + "/team";
    }

    private static List<String> usernames(JsonNode team) {
        List<String> names = new ArrayList<>();
        team.path("members").forEach(m -> names.add(m.path("username").asText()));
        return names;
    }

    private static JsonNode member(JsonNode team, String username) {
        for (JsonNode m : team.path("members")) {
            if (m.path("username").asText().equals(username)) {
                return m;
            }
        }
        throw new AssertionError("no " + username + " in " + team);
    }
}

package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/reports/partners/{id}/reps} over HTTP: offers, accepts in time and won deals per
 * rep, for channel managers and the partner's lead managers; a rep sees its own row; another
 * partner nothing.
 */
@LeadbridgeTest
class RepFiguresApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired PartnerPeople people;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;

    private String partner;
    private String manager;
    private String anna;
    private String bert;

    @BeforeEach
    void annaAcceptsHerOfferBertLetsHisWait() {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        manager = people.person(partner, "mgr", PartnerRole.LEAD_MANAGER);
        anna = people.repInTheUs(partner, "a-anna");
        bert = people.repInTheUs(partner, "b-bert");
        long annasLead = fixtures.submit(fixtures.partnerLead("US"));
        fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Response accepted = as(anna).post("/api/leads/" + annasLead + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void theLeadManagersSeeEveryRepsFigures() {
        JsonNode reps = as(manager).get(path()).json().path("reps");

        assertThat(reps).hasSize(3);
        JsonNode annasRow = row(reps, anna);
        assertThat(annasRow.path("offers").asLong()).isEqualTo(1);
        assertThat(annasRow.path("accepted").asLong()).isEqualTo(1);
        assertThat(annasRow.path("acceptedInTime").asLong()).isEqualTo(1);
        assertThat(annasRow.path("won").asLong()).isZero();
        assertThat(row(reps, bert).path("offers").asLong()).isEqualTo(1);
        assertThat(row(reps, bert).path("accepted").asLong()).isZero();
        assertThat(ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get(path()).json().path("reps"))
                .hasSize(3);
        Response csv = as(manager).get(path() + "?format=csv");
        assertThat(csv.body()).startsWith("rep,name,role,offers,accepted,accepted_in_time,contacted_in_time,won")
                .contains(anna + ",Pat Person,REP,1,1,1,0,0");
    }

    @Test
    void aRepSeesItsOwnRowAndAnotherPartnerNothing() {
        JsonNode own = as(bert).get(path()).json().path("reps");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("username").asText()).isEqualTo(bert);

        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        assertThat(as(people.person(theirs, "mgr", PartnerRole.LEAD_MANAGER)).get(path()).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get(path()).status()).isEqualTo(401);
        Response filtered = as(manager).get(path() + "?segment=SMB");
        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.body()).contains("segment");
        assertThat(as(manager).get(path() + "?from=yesterday").status()).isEqualTo(400);
        assertThat(as(manager).get("/api/reports/partners/nobody-here/reps").status()).isIn(403, 404);
    }

    private static JsonNode row(JsonNode reps, String username) {
        for (JsonNode rep : reps) {
            if (rep.path("username").asText().equals(username)) {
                return rep;
            }
        }
        throw new AssertionError("no row for " + username + " in " + reps);
    }

    private String path() {
        return "/api/reports/partners/" + partner + "/reps";
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }
}

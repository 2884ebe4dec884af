package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/partners/{id}/reps/{username}/profile} and {@code /api/partners/{id}/dispatch} over
 * HTTP: the partner's lead managers and channel managers write them, nobody else.
 */
@LeadbridgeTest
class RepProfileApiTest {

    @LocalServerPort int port;
    @Autowired AccessProvisioning access;
    @Autowired PartnerService partners;
    @Autowired LeadFixtures fixtures;

    ApiClient carol;
    String partner;
    String rep;
    String otherRep;
    ApiClient manager;

    @BeforeEach
    void partnerWithAManagerAndTwoReps() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = fixtures.rep(partner);
        otherRep = fixtures.rep(partner);
        manager = ApiClient.as(port, manager(partner), LeadFixtures.PASSWORD);
    }

    @Test
    void aLeadManagerWritesARepsProfileAndTheRepReadsIt() {
        Response saved = manager.put(profilePath(rep), profile(3));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Response read = ApiClient.as(port, rep, LeadFixtures.PASSWORD).get(profilePath(rep));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("capacity").asInt()).isEqualTo(3);
        assertThat(read.json().path("regions").get(0).asText()).isEqualTo("US-CA");
        assertThat(read.json().path("languages").get(0).asText()).isEqualTo("en");
        assertThat(read.json().path("standIn").asText()).isEqualTo(otherRep);
        assertThat(read.json().path("awayUntil").asText()).isEqualTo("2027-01-10T00:00:00Z");
        assertThat(read.json().path("updatedBy").asText()).isNotBlank();
        assertThat(carol.put(profilePath(rep), profile(5)).json().path("capacity").asInt()).isEqualTo(5);
        assertThat(carol.get(profilePath(otherRep)).status()).as("no profile yet").isEqualTo(404);
    }

    @Test
    void repsOtherPartnersAndAnonymousCallersChangeNoProfile() {
        ApiClient repClient = ApiClient.as(port, rep, LeadFixtures.PASSWORD);
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        ApiClient theirManager = ApiClient.as(port, manager(theirs), LeadFixtures.PASSWORD);
        manager.put(profilePath(rep), profile(3));

        assertThat(repClient.put(profilePath(rep), profile(99)).status()).isEqualTo(403);
        assertThat(repClient.get(profilePath(rep)).status()).isEqualTo(200);
        assertThat(ApiClient.as(port, otherRep, LeadFixtures.PASSWORD).get(profilePath(rep)).status()).isEqualTo(403);
        assertThat(theirManager.put(profilePath(rep), profile(99)).status()).isEqualTo(403);
        assertThat(theirManager.get(profilePath(rep)).status()).isEqualTo(403);
        assertThat(theirManager.put("/api/partners/" + partner + "/dispatch",
                Map.of("teamQueue", false, "manualDispatch", true)).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).put(profilePath(rep), profile(99)).status()).isEqualTo(401);
        assertThat(manager.put("/api/partners/" + theirs + "/reps/" + rep + "/profile", profile(99)).status())
                .as("a rep of another partner, under that partner's path").isEqualTo(403);
        assertThat(carol.put("/api/partners/" + theirs + "/reps/" + rep + "/profile", profile(99)).status())
                .as("no rep of that partner").isEqualTo(404);
        assertThat(carol.get(profilePath(rep)).json().path("capacity").asInt()).isEqualTo(3);
    }

    @Test
    void badProfilesAreRefusedNamingTheFieldAndNothingIsWritten() {
        manager.put(profilePath(rep), profile(3));

        assertRefused(with("capacity", -1), "capacity");
        assertRefused(with("capacity", "ten"), "capacity");
        assertRefused(with("countries", List.of("XX")), "countries");
        assertRefused(with("regions", List.of("California")), "regions");
        assertRefused(with("languages", List.of("English")), "languages");
        assertRefused(with("products", List.of("Cloud\u0000Platform")), "products");
        assertRefused(with("awayUntil", "2026-12-01T00:00:00Z"), "away");
        assertRefused(with("awayFrom", "yesterday"), "awayFrom");
        assertRefused(with("standIn", rep), "standIn");
        String stranger = fixtures.rep(fixtures.partner("beta", PartnerTier.GOLD, "DE"));
        assertRefused(with("standIn", stranger), "standIn");
        Map<String, Object> huge = with("products", List.of("x".repeat(2_000_000)));
        assertThat(manager.put(profilePath(rep), huge).status()).isIn(400, 413);

        assertThat(carol.get(profilePath(rep)).json().path("capacity").asInt()).isEqualTo(3);
    }

    @Test
    void theLeadManagersChooseHowThePartnerDispatches() {
        String path = "/api/partners/" + partner + "/dispatch";
        assertThat(manager.get(path).json().path("teamQueue").asBoolean()).as("by default").isTrue();

        Response saved = manager.put(path, Map.of("teamQueue", false, "manualDispatch", true));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(ApiClient.as(port, rep, LeadFixtures.PASSWORD).get(path).json().path("manualDispatch").asBoolean())
                .isTrue();
        assertThat(ApiClient.as(port, rep, LeadFixtures.PASSWORD).put(path,
                Map.of("teamQueue", true, "manualDispatch", false)).status()).isEqualTo(403);
        Response wrongType = manager.put(path, Map.of("teamQueue", "yes", "manualDispatch", false));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("teamQueue");
        assertThat(manager.put(path, Map.of("teamQueue", true)).body()).contains("manualDispatch");
        assertThat(carol.get(path).json().path("teamQueue").asBoolean()).isFalse();
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Response refused = manager.put(profilePath(rep), body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(field).doesNotContain("Exception").doesNotContain("select");
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = profile(7);
        body.put(field, value);
        return body;
    }

    private Map<String, Object> profile(int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("capacity", capacity);
        body.put("countries", List.of("US"));
        body.put("regions", List.of("US-CA"));
        body.put("products", List.of("Cloud Platform"));
        body.put("industries", List.of("Retail"));
        body.put("languages", List.of("en"));
        body.put("awayFrom", "2027-01-01T00:00:00Z");
        body.put("awayUntil", "2027-01-10T00:00:00Z");
        body.put("standIn", otherRep);
        return body;
    }

    private String profilePath(String username) {
        return "/api/partners/" + partner + "/reps/" + username + "/profile";
    }

    private String manager(String partnerId) {
        String username = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        partners.addRep(partnerId, new RepRequest(username, null, null, "Max Manager",
                username + "@partner.example", LeadFixtures.PASSWORD, PartnerRole.LEAD_MANAGER));
        return username;
    }
}

package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.body;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/deals} over HTTP as a partner rep, a partner CRM, another partner's rep, a channel
 * manager and nobody call it, with hostile input.
 */
@LeadbridgeTest
class DealRegistrationApiTest {

    private static final String NUL = "\u0000";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    private String alpha;
    private String beta;
    private ApiClient carol;
    private ApiClient alphaRep;
    private ApiClient betaRep;

    @BeforeEach
    void partners() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        alphaRep = ApiClient.as(port, fixtures.rep(alpha), LeadFixtures.PASSWORD);
        beta = fixtures.partner("beta", PartnerTier.SILVER, "DE");
        betaRep = ApiClient.as(port, fixtures.rep(beta), LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aRepRegistersADealAndOnlyItsPartnerAndTheVendorSeeIt() {
        ApiClient.Response created = alphaRep.post("/api/deals", body(newDomain(), "Cloud Platform", 100000));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode deal = created.json();
        long id = deal.path("id").asLong();
        assertThat(created.location()).endsWith("/api/deals/" + id);
        assertThat(deal.path("partnerId").asText()).isEqualTo(alpha);
        assertThat(deal.path("status").asText()).isEqualTo("APPROVED");
        assertThat(deal.path("products").get(0).asText()).isEqualTo("Cloud Platform");
        assertThat(deal.path("protectedUntil").asText()).isNotBlank();

        assertThat(ids(alphaRep.get("/api/deals"))).containsExactly(id);
        assertThat(ids(carol.get("/api/deals"))).contains(id);
        assertThat(ids(carol.get("/api/deals?status=REJECTED"))).doesNotContain(id);
        assertThat(ids(betaRep.get("/api/deals"))).doesNotContain(id);
        assertThat(alphaRep.get("/api/deals/" + id).status()).isEqualTo(200);
        assertThat(carol.get("/api/deals/" + id).status()).isEqualTo(200);
        assertThat(betaRep.get("/api/deals/" + id).status()).as("another partner's deal").isEqualTo(404);
        assertThat(carol.get("/api/deals/987654321").status()).isEqualTo(404);
    }

    @Test
    void thePartnersCrmRegistersWithItsCredential() {
        JsonNode credential = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD)
                .post("/api/partners/" + alpha + "/credentials", Map.of("label", "CRM")).json();
        ApiClient crm = ApiClient.as(port, credential.path("clientId").asText(), credential.path("secret").asText());

        ApiClient.Response created = crm.post("/api/deals", body(newDomain(), "Security", 20000));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("partnerId").asText()).isEqualTo(alpha);
        assertThat(created.json().path("registeredBy").asText()).isEqualTo(credential.path("clientId").asText());
    }

    @Test
    void onlyTheRegisteringPartnerReportsOnAnApprovedDeal() {
        long id = alphaRep.post("/api/deals", body(newDomain(), "Cloud Platform", 100000)).json().path("id").asLong();

        ApiClient.Response updated = alphaRep.post("/api/deals/" + id + "/updates", Map.of("note", "demo done"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("lastUpdateNote").asText()).isEqualTo("demo done");
        assertThat(betaRep.post("/api/deals/" + id + "/updates", Map.of("note", "mine")).status()).isEqualTo(404);
        assertThat(carol.post("/api/deals/" + id + "/updates", Map.of("note", "x")).status()).isEqualTo(403);
        ApiClient.Response empty = alphaRep.post("/api/deals/" + id + "/updates", Map.of("note", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("note");

        long rejected = alphaRep.post("/api/deals", body("globex.com", "Cloud Platform", 1000)).json().path("id")
                .asLong();
        assertThat(alphaRep.post("/api/deals/" + rejected + "/updates", Map.of("note", "x")).status()).isEqualTo(409);
    }

    @Test
    void vendorUsersAndStrangersCannotRegister() {
        assertThat(carol.post("/api/deals", body(newDomain(), "Cloud Platform", 1000)).status()).isEqualTo(403);
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.post("/api/deals", body(newDomain(), "Cloud Platform", 1000)).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/deals").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/deals/1").status()).isEqualTo(401);
        assertThat(registrations()).isZero();
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() {
        Map<String, Object> broken = new HashMap<>(body(newDomain(), "Cloud Platform", -5));
        broken.put("products", List.of());
        broken.put("currency", "euro");
        broken.put("expectedCloseDate", null);
        ApiClient.Response response = alphaRep.post("/api/deals", broken);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(fields(response)).contains("amount", "products", "currency", "expectedCloseDate");

        Map<String, Object> past = new HashMap<>(body(newDomain(), "Cloud Platform", 10));
        past.put("expectedCloseDate", LocalDate.now().minusDays(2).toString());
        assertThat(fields(alphaRep.post("/api/deals", past))).containsExactly("expectedCloseDate");

        Map<String, Object> badDomain = new HashMap<>(body(newDomain(), "Cloud Platform", 10));
        badDomain.put("account", Map.of("name", "Nowhere", "domain", "not a domain", "country", "US"));
        assertThat(fields(alphaRep.post("/api/deals", badDomain))).containsExactly("account.domain");

        ApiClient.Response wrongType = alphaRep.post("/api/deals", body(newDomain(), "Cloud Platform", "lots"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("amount").doesNotContain("Exception").doesNotContain("at io.");

        Map<String, Object> nul = new HashMap<>(body(newDomain(), "Cloud Platform", 10));
        nul.put("foundHow", "trade fair" + NUL);
        ApiClient.Response withNul = alphaRep.post("/api/deals", nul);
        assertThat(withNul.status()).isEqualTo(400);
        assertThat(withNul.body()).contains("foundHow");

        Map<String, Object> huge = new HashMap<>(body(newDomain(), "Cloud Platform", 10));
        huge.put("foundHow", "x".repeat(3_000_000));
        assertThat(alphaRep.post("/api/deals", huge).status()).isIn(400, 413);

        assertThat(alphaRep.get("/api/deals?limit=0").status()).isEqualTo(400);
        assertThat(alphaRep.get("/api/deals?status=SOMEWHERE").status()).isEqualTo(400);
        assertThat(alphaRep.get("/api/deals/abc").status()).isEqualTo(400);
        assertThat(registrations()).as("nothing half-written").isZero();
    }

    @Test
    void theDealReportCountsEachPartnersRegistrationsAndAPartnerSeesOnlyItsOwn() {
        alphaRep.post("/api/deals", body(newDomain(), "Cloud Platform", 100000));
        alphaRep.post("/api/deals", body("globex.com", "Cloud Platform", 1000));
        betaRep.post("/api/deals", body(newDomain(), "Security", 100000));

        JsonNode mine = alphaRep.get("/api/reports/deals").json();
        assertThat(mine.path("partners")).hasSize(1);
        JsonNode alphaLine = mine.path("partners").get(0);
        assertThat(alphaLine.path("partnerId").asText()).isEqualTo(alpha);
        assertThat(alphaLine.path("registered").asInt()).isEqualTo(2);
        assertThat(alphaLine.path("approved").asInt()).isEqualTo(1);
        assertThat(alphaLine.path("rejected").asInt()).isEqualTo(1);
        assertThat(alphaLine.path("averageDecisionHours").asDouble()).isZero();
        assertThat(mine.path("total").path("registered").asInt()).as("its own total").isEqualTo(2);

        JsonNode all = carol.get("/api/reports/deals").json();
        List<String> lines = new ArrayList<>();
        all.path("partners").forEach(line -> lines.add(line.path("partnerId").asText() + " "
                + line.path("registered").asInt() + " " + line.path("open").asInt()));
        assertThat(lines).as("the vendor sees every partner's line; beta's is in review")
                .contains(alpha + " 2 0", beta + " 1 1");
        assertThat(all.path("total").path("registered").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(ApiClient.anonymous(port).get("/api/reports/deals").status()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionListsTheDealEndpoints() {
        JsonNode spec = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get("/v3/api-docs").json();
        List<String> paths = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/deals", "/api/deals/{id}", "/api/deals/{id}/updates");
    }

    private long registrations() {
        return jdbc.sql("select count(*) from deal_registration where partner_id = :p").param("p", alpha)
                .query(Long.class).single();
    }

    private static List<Long> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().forEach(d -> ids.add(d.path("id").asLong()));
        return ids;
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}

package io.leadbridge.supportrequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/leads/{id}/support-requests} over HTTP, as a rep, another partner's rep and a channel manager call it. */
@LeadbridgeTest
class SupportRequestApiTest {

    private static final Map<String, Object> SPECIAL_PRICING = Map.of("kind", "SPECIAL_PRICING",
            "discountPercent", 12.5, "justification", "the competitor offers 15% off");

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;

    private ApiClient carol;
    private ApiClient rep;
    private ApiClient otherRep;
    private long leadId;

    @BeforeEach
    void anOfferedLead() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        String other = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        otherRep = ApiClient.as(port, fixtures.rep(other), LeadFixtures.PASSWORD);
        leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theRepOfTheHoldingPartnerAsksForSpecialPricingAndBothSidesSeeIt() {
        accept();

        ApiClient.Response created = rep.post(path(), SPECIAL_PRICING);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode request = created.json();
        assertThat(request.path("id").asText()).isNotBlank();
        assertThat(request.path("kind").asText()).isEqualTo("SPECIAL_PRICING");
        assertThat(request.path("discountPercent").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(request.path("status").asText()).isEqualTo("OPEN");
        assertThat(request.has("answer")).isFalse();

        for (ApiClient reader : List.of(rep, carol)) {
            ApiClient.Response list = reader.get(path());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()).hasSize(1);
            assertThat(list.json().get(0).path("id").asText()).isEqualTo(request.path("id").asText());
        }
        assertThat(otherRep.get(path()).status()).isEqualTo(403);
        JsonNode timeline = carol.get("/api/leads/" + leadId).json().path("events");
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).contains("SUPPORT_REQUESTED");
    }

    @Test
    void namesEveryMissingOrBrokenField() {
        accept();

        ApiClient.Response missing = rep.post(path(), Map.of("kind", "SPECIAL_PRICING"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactlyInAnyOrder("discountPercent", "justification");

        ApiClient.Response tooMuch = rep.post(path(), Map.of("kind", "OTHER", "discountPercent", 120,
                "justification", "x".repeat(2001)));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(fields(tooMuch)).containsExactlyInAnyOrder("discountPercent", "justification");

        ApiClient.Response badKind = rep.post(path(), Map.of("kind", "FREE_LUNCH", "justification", "hungry"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(fields(badKind)).containsExactly("kind");

        assertThat(rep.post(path(), Map.of("kind", "TECHNICAL_PRESALES", "justification", "a demo on site"))
                .status()).as("a discount is only required for special pricing").isEqualTo(201);
    }

    @Test
    void anotherPartnersRepOrAChannelManagerCannotAsk() {
        accept();

        assertThat(otherRep.post(path(), SPECIAL_PRICING).status()).isEqualTo(403);
        assertThat(carol.post(path(), SPECIAL_PRICING).status()).isEqualTo(403);
        assertThat(rep.get(path()).json()).isEmpty();
    }

    @Test
    void aLeadNotYetAcceptedCannotGetSupport() {
        ApiClient.Response refused = rep.post(path(), SPECIAL_PRICING);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("OFFERED").contains("ACCEPTED or CONTACTED");
    }

    private void accept() {
        assertThat(rep.post("/api/leads/" + leadId + "/accept", Map.of()).status()).isEqualTo(200);
        engine.runDueJobs();
    }

    private String path() {
        return "/api/leads/" + leadId + "/support-requests";
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}

package io.leadbridge.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/campaigns} over HTTP: channel managers register and change campaigns, everyone logged in reads them. */
@LeadbridgeTest
class CampaignApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;

    private ApiClient admin;
    private ApiClient rep;
    private ApiClient marketing;
    private String code;

    @BeforeEach
    void users() {
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        rep = ApiClient.as(port, fixtures.rep(fixtures.partner("campaigner", PartnerTier.SILVER, "US")),
                LeadFixtures.PASSWORD);
        String marketingUser = "mkt-" + UUID.randomUUID().toString().substring(0, 8);
        access.provisionUser(marketingUser, "Mark", "Eting", marketingUser + "@vendor.example", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, marketingUser, LeadFixtures.PASSWORD);
        code = "summer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aChannelManagerRegistersACampaignThatEveryoneCanRead() {
        ApiClient.Response created = admin.post("/api/campaigns", campaign(code));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/campaigns/" + code);
        JsonNode campaign = created.json();
        assertThat(campaign.path("code").asText()).isEqualTo(code);
        assertThat(campaign.path("name").asText()).isEqualTo("Summer webinar");
        assertThat(campaign.path("channel").asText()).isEqualTo("webinar");
        assertThat(campaign.path("cost").decimalValue()).isEqualByComparingTo("2500.50");
        assertThat(campaign.path("currency").asText()).as("the reporting currency when left out").isEqualTo("EUR");
        assertThat(campaign.path("startsOn").asText()).isEqualTo("2026-06-01");
        assertThat(campaign.path("endsOn").asText()).isEqualTo("2026-06-30");
        assertThat(campaign.path("createdAt").asText()).isNotBlank();

        for (ApiClient reader : List.of(admin, rep, marketing)) {
            assertThat(reader.get("/api/campaigns/" + code).json().path("name").asText()).isEqualTo("Summer webinar");
            List<String> codes = new ArrayList<>();
            reader.get("/api/campaigns").json().forEach(c -> codes.add(c.path("code").asText()));
            assertThat(codes).contains(code);
        }
    }

    @Test
    void aChannelManagerChangesACampaign() {
        admin.post("/api/campaigns", campaign(code));
        Map<String, Object> changed = campaign(null);
        changed.put("cost", 3000);
        changed.put("currency", "USD");
        changed.put("endsOn", null);

        ApiClient.Response updated = admin.put("/api/campaigns/" + code, changed);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("cost").decimalValue()).isEqualByComparingTo("3000");
        assertThat(updated.json().path("currency").asText()).isEqualTo("USD");
        assertThat(updated.json().has("endsOn")).as("an open-ended campaign").isFalse();
        assertThat(admin.get("/api/campaigns/" + code).json().path("currency").asText()).isEqualTo("USD");
    }

    @Test
    void onlyChannelManagersWriteCampaigns() {
        assertThat(rep.post("/api/campaigns", campaign(code)).status()).isEqualTo(403);
        assertThat(marketing.post("/api/campaigns", campaign(code)).status()).isEqualTo(403);
        assertThat(admin.get("/api/campaigns/" + code).status()).as("nothing was stored").isEqualTo(404);
        admin.post("/api/campaigns", campaign(code));
        assertThat(rep.put("/api/campaigns/" + code, campaign(null)).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/campaigns").status()).isEqualTo(401);
    }

    @Test
    void aTakenCodeIsAConflictAndAnUnknownOneIsNotFound() {
        assertThat(admin.post("/api/campaigns", campaign(code)).status()).isEqualTo(201);
        Map<String, Object> again = campaign(code);
        again.put("name", "Another name");

        assertThat(admin.post("/api/campaigns", again).status()).isEqualTo(409);
        assertThat(admin.get("/api/campaigns/" + code).json().path("name").asText()).isEqualTo("Summer webinar");
        assertThat(admin.get("/api/campaigns/no-such-campaign").status()).isEqualTo(404);
        assertThat(admin.put("/api/campaigns/no-such-campaign", campaign(null)).status()).isEqualTo(404);
    }

    @Test
    void namesEveryBrokenField() {
        Map<String, Object> broken = new HashMap<>();
        broken.put("code", "no spaces please");
        broken.put("name", " ");
        broken.put("cost", -1);
        broken.put("currency", "EURO");
        broken.put("startsOn", "2026-06-30");
        broken.put("endsOn", "2026-06-01");

        ApiClient.Response refused = admin.post("/api/campaigns", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("code", "name", "channel", "cost", "currency", "endsOn");
        assertThat(fields(admin.post("/api/campaigns", Map.of()))).containsExactly("code", "name", "channel", "cost",
                "startsOn");
        Map<String, Object> badDate = campaign(code);
        badDate.put("startsOn", "first of June");
        assertThat(fields(admin.post("/api/campaigns", badDate))).containsExactly("startsOn");
        Map<String, Object> otherCode = campaign("another-code");
        admin.post("/api/campaigns", campaign(code));
        assertThat(fields(admin.put("/api/campaigns/" + code, otherCode))).containsExactly("code");
        assertThat(admin.get("/api/campaigns/another-code").status()).isEqualTo(404);
    }

    private static Map<String, Object> campaign(String code) {
        Map<String, Object> campaign = new HashMap<>();
        if (code != null) {
            campaign.put("code", code);
        }
        campaign.put("name", "Summer webinar");
        campaign.put("channel", "webinar");
        campaign.put("cost", 2500.50);
        campaign.put("startsOn", "2026-06-01");
        campaign.put("endsOn", "2026-06-30");
        return campaign;
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}

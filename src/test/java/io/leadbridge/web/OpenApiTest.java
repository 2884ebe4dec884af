package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API is described in OpenAPI, behind the same login as the API itself. */
@LeadbridgeTest
class OpenApiTest {

    @LocalServerPort int port;

    @Test
    void theApiDescriptionListsTheEndpointsPartnerCrmsAndMarketingUse() {
        JsonNode spec = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get("/v3/api-docs").json();

        List<String> paths = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/leads", "/api/leads/{id}", "/api/leads/{id}/accept", "/api/leads/import",
                "/api/partners", "/api/partners/{partnerId}/credentials", "/api/partners/{id}/webhooks",
                "/api/leads/{id}/routing", "/api/leads/{id}/support-requests", "/api/campaigns",
                "/api/campaigns/{code}", "/api/reports/pipeline", "/api/reports/funnel", "/api/reports/sla",
                "/api/reports/campaigns", "/api/reports/partners/{id}", "/api/reports/leaderboard",
                "/api/rewards/ledger", "/api/leads/{id}/opportunity", "/api/leads/{id}/close",
                "/api/leads/{id}/status", "/api/leads/{id}/contact-checks", "/api/reports/sla/weekly", "/api/me",
                "/api/partners/{partnerId}/calendar", "/api/partners/{partnerId}/closures",
                "/api/partners/{partnerId}/closures/{closureId}");
        assertThat(paths).contains("/api/exchange-rates", "/api/exchange-rates/{currency}/{month}", "/api/accounts",
                "/api/accounts/{id}");
        assertThat(paths).contains("/api/reports/repeat-purchases");
        assertThat(paths).allMatch(p -> p.startsWith("/api/"));
        assertThat(spec.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
    }

    @Test
    void theApiDescriptionListsTheDoorsInsideAPartner() {
        JsonNode spec = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get("/v3/api-docs").json();

        List<String> paths = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/partners/{id}/reps/{username}/role",
                "/api/partners/{id}/reps/{username}/profile", "/api/partners/{id}/dispatch",
                "/api/leads/{id}/reassign-rep", "/api/partners/{id}/team");
    }

    @Test
    void theDescriptionNeedsALoginToo() {
        assertThat(ApiClient.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(401);
    }
}

package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard over HTTP without a browser: the shell at {@code /} opens without a login and
 * carries no data, under a Content Security Policy that lets only its own files run; the chart
 * library comes from the application itself; the webapps stay at {@code /camunda/app/}; and
 * {@code GET /api/me} tells each kind of caller who it is.
 */
@LeadbridgeTest
class DashboardShellTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired PartnerPeople people;

    @Test
    void theShellOpensAtTheRootWithoutALoginUnderAStrictContentSecurityPolicy() {
        ApiClient anonymous = ApiClient.anonymous(port);

        ApiClient.Response page = anonymous.get("/", "text/html");

        assertThat(page.status()).as("the dashboard, not a redirect to the webapps: " + page).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"dashboard/dashboard.js\"></script>")
                .contains("id=\"login-form\"").doesNotContain("<script>").doesNotContain("style=");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(anonymous.get("/index.html", "text/html").header("Content-Security-Policy")).isEqualTo(policy);

        for (String script : new String[] {"/dashboard/dashboard.js", "/dashboard/api.js", "/dashboard/charts.js",
                "/dashboard/team.js", "/dashboard/reassign.js", "/webjars/echarts/dist/echarts.esm.min.js"}) {
            ApiClient.Response file = anonymous.get(script, "*/*");
            assertThat(file.status()).as(script).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(script).startsWith("text/javascript");
        }
        assertThat(anonymous.get("/dashboard/dashboard.css", "text/css").status()).isEqualTo(200);
        assertThat(anonymous.get("/camunda/app/tasklist/default/", "text/html").status())
                .as("the webapps stay where they were").isEqualTo(200);
    }

    @Test
    void theShellOpensNothingElse() {
        ApiClient anonymous = ApiClient.anonymous(port);

        assertThat(anonymous.get("/api/me").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/reports/pipeline").status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").status()).as("other pages still need a login").isEqualTo(401);
    }

    @Test
    void meTellsAChannelManagerAPartnerRepAVendorUserAndAPartnerCrmWhoTheyAre() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("mark", "Mark", "Eting", "mark@vendor.example", LeadFixtures.PASSWORD);
        String partner = fixtures.partner("harbor", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        JsonNode credential = admin.post("/api/partners/" + partner + "/credentials", Map.of("label", "CRM")).json();

        JsonNode carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD).get("/api/me").json();
        assertThat(carol.path("username").asText()).isEqualTo("carol");
        assertThat(carol.path("firstName").asText()).isEqualTo("Carol");
        assertThat(carol.path("lastName").asText()).isEqualTo("Channel");
        assertThat(carol.path("role").asText()).isEqualTo("CHANNEL_MANAGER");
        assertThat(carol.has("partnerId")).isFalse();
        assertThat(carol.has("partnerRole")).isFalse();
        assertThat(carol.path("groups").toString()).isEqualTo("[\"" + VendorGroups.CHANNEL_MANAGERS + "\"]");

        JsonNode ofPartner = ApiClient.as(port, rep, LeadFixtures.PASSWORD).get("/api/me").json();
        assertThat(ofPartner.path("username").asText()).isEqualTo(rep);
        assertThat(ofPartner.path("firstName").asText()).isEqualTo("Rita");
        assertThat(ofPartner.path("role").asText()).isEqualTo("PARTNER");
        assertThat(ofPartner.path("partnerId").asText()).isEqualTo(partner);
        assertThat(ofPartner.path("partnerName").asText()).isEqualTo("harbor Inc.");
        assertThat(ofPartner.path("groups").get(0).asText()).isEqualTo("partner-" + partner);
        assertThat(ofPartner.path("partnerRole").asText()).isEqualTo("REP");
        JsonNode manager = ApiClient.as(port, people.person(partner, "mgr", PartnerRole.LEAD_MANAGER),
                LeadFixtures.PASSWORD).get("/api/me").json();
        assertThat(manager.path("role").asText()).isEqualTo("PARTNER");
        assertThat(manager.path("partnerRole").asText()).isEqualTo("LEAD_MANAGER");

        JsonNode mark = ApiClient.as(port, "mark", LeadFixtures.PASSWORD).get("/api/me").json();
        assertThat(mark.path("role").asText()).isEqualTo("VENDOR");
        assertThat(mark.path("groups")).isEmpty();
        assertThat(admin.get("/api/me").json().path("role").asText()).isEqualTo("CHANNEL_MANAGER");

        JsonNode crm = ApiClient.as(port, credential.path("clientId").asText(), credential.path("secret").asText())
                .get("/api/me").json();
        assertThat(crm.path("username").asText()).isEqualTo(credential.path("clientId").asText());
        assertThat(crm.has("firstName")).as("a credential has no Camunda user").isFalse();
        assertThat(crm.path("role").asText()).isEqualTo("PARTNER");
        assertThat(crm.path("partnerName").asText()).isEqualTo("harbor Inc.");
        assertThat(crm.has("partnerRole")).as("a CRM is no person of the partner").isFalse();
    }
}

package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep logs into Camunda Tasklist the way the browser does (session cookie and CSRF token) and
 * sees the offers of its own partner only, with the offer's form.
 */
@LeadbridgeTest
class TasklistAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aRepSeesOnlyItsOwnPartnersOffersInTasklist() throws Exception {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.partner("beta", PartnerTier.GOLD, "DE");
        String rep = fixtures.rep(ours);
        long ourLead = fixtures.submit(fixtures.partnerLead("US"));
        fixtures.submit(fixtures.partnerLead("DE"));
        engine.runDueJobs();
        assertThat(fixtures.lead(ourLead).partnerId()).isEqualTo(ours);

        Tasklist tasklist = Tasklist.login(port, rep, LeadFixtures.PASSWORD);

        JsonNode tasks = tasklist.get("/camunda/api/engine/engine/default/task");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).startsWith("Accept or decline lead: ");
        assertThat(tasks.get(0).path("description").asText()).startsWith("Lead " + ourLead + ",");
        String taskId = tasks.get(0).path("id").asText();
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form")
                .path("id").asText()).isEqualTo("acceptLeadForm");
        assertThat(tasklist.get("/camunda/api/engine/engine/default/process-instance/count").path("count").asInt())
                .isZero();
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter").findValuesAsText("name"))
                .contains("Offers for my partner", "My leads");
    }

    @Test
    void tasklistSubmitsAnOfferWithItsFormsFieldsAndNothingElse() throws Exception {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(ours);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Tasklist tasklist = Tasklist.login(port, rep, LeadFixtures.PASSWORD);
        String taskId = tasklist.get("/camunda/api/engine/engine/default/task").get(0).path("id").asText();
        JsonNode shown = tasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/form-variables");
        String submit = "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form";

        HttpResponse<String> rewritten = tasklist.post(submit, Map.of("variables", Map.of(
                "offerDecision", Map.of("value", "ACCEPT"), "contactSla", Map.of("value", "P3650D"))));
        assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
        assertThat(rewritten.body()).contains("contactSla");
        assertThat(fixtures.lead(leadId).status().name()).isEqualTo("OFFERED");

        // What Tasklist sends for the form: the read-only facts as shown, and the rep's answer.
        HttpResponse<String> submitted = tasklist.post(submit, Map.of("variables", Map.of(
                "accountName", Map.of("value", shown.path("accountName").path("value").asText()),
                "country", Map.of("value", shown.path("country").path("value").asText()),
                "product", Map.of("value", shown.path("product").path("value").asText()),
                "campaign", Map.of("value", shown.path("campaign").path("value").asText("")),
                "offerDecision", Map.of("value", "ACCEPT"))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(fixtures.lead(leadId).status().name()).isEqualTo("ACCEPTED");
    }

    @Test
    void aPartnerTakenOffATaskNoLongerReadsIt() throws Exception {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(ours);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Tasklist tasklist = Tasklist.login(port, rep, LeadFixtures.PASSWORD);
        String taskId = tasklist.get("/camunda/api/engine/engine/default/task").get(0).path("id").asText();

        ApiClient.Response removed = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).post("/engine-rest/task/" + taskId
                + "/identity-links/delete", Map.of("groupId", "partner-" + ours, "type", "candidate"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);

        assertThat(tasklist.get("/camunda/api/engine/engine/default/task")).as("gone from the partner's list").isEmpty();
        assertThat(tasklist.status("/camunda/api/engine/engine/default/task/" + taskId)).isIn(403, 404);
        assertThat(tasklist.status("/camunda/api/engine/engine/default/task/" + taskId + "/variables")).isIn(403, 404);
        ApiClient restRep = ApiClient.as(port, rep, LeadFixtures.PASSWORD);
        assertThat(restRep.get("/engine-rest/task/" + taskId).status()).isIn(403, 404);
        assertThat(restRep.get("/engine-rest/task/" + taskId + "/form-variables").status()).isIn(403, 404);
        assertThat(fixtures.lead(leadId).status().name()).isEqualTo("OFFERED");
    }

    @Test
    void anOfferCannotBeHandedToAnotherPartnersRepNorToAnUnknownPartnersPeople() throws Exception {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        String rep = fixtures.rep(ours);
        String colleague = fixtures.rep(ours);
        String stranger = fixtures.rep(theirs);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        ApiClient restRep = ApiClient.as(port, rep, LeadFixtures.PASSWORD);
        String taskId = restRep.get("/engine-rest/task?processInstanceBusinessKey=" + leadId).json().get(0)
                .path("id").asText();
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);

        for (ApiClient who : new ApiClient[] {restRep, admin}) {
            ApiClient.Response handed = who.post("/engine-rest/task/" + taskId + "/assignee",
                    Map.of("userId", stranger));
            assertThat(handed.status()).as(handed.body()).isEqualTo(400);
            assertThat(handed.body()).contains("assignee").contains(stranger).doesNotContain("at org.")
                    .doesNotContain("at io.");
            ApiClient.Response updated = who.put("/engine-rest/task/" + taskId,
                    Map.of("name", "Accept or decline lead", "assignee", stranger));
            assertThat(updated.status()).as(updated.body()).isEqualTo(400);
        }
        ApiClient.Response delegated = restRep.post("/engine-rest/task/" + taskId + "/delegate",
                Map.of("userId", stranger));
        assertThat(delegated.status()).as(delegated.body()).isEqualTo(400);

        assertThat(admin.get("/engine-rest/task/" + taskId).json().path("assignee").isNull()).isTrue();
        ApiClient restStranger = ApiClient.as(port, stranger, LeadFixtures.PASSWORD);
        assertThat(restStranger.get("/engine-rest/task/" + taskId).status()).isIn(403, 404);
        assertThat(restStranger.get("/engine-rest/task/" + taskId + "/variables").status()).isIn(403, 404);

        ApiClient.Response toColleague = restRep.post("/engine-rest/task/" + taskId + "/assignee",
                Map.of("userId", colleague));
        assertThat(toColleague.status()).as("inside the partner: " + toColleague.body()).isEqualTo(204);
        assertThat(admin.get("/engine-rest/task/" + taskId).json().path("assignee").asText()).isEqualTo(colleague);
        assertThat(restStranger.get("/engine-rest/task/" + taskId).status()).isIn(403, 404);
    }

    @Test
    void aWrongPasswordDoesNotOpenTasklist() throws Exception {
        String rep = fixtures.rep(fixtures.partner("alpha", PartnerTier.GOLD, "US"));

        assertThat(Tasklist.loginStatus(port, rep, "not-the-password")).isEqualTo(401);
    }

    /** A browser session of Camunda's webapps: session cookie plus the CSRF token header. */
    private record Tasklist(HttpClient http, String base, String csrfToken) {

        static Tasklist login(int port, String username, String password) throws IOException, InterruptedException {
            Tasklist session = open(port);
            int status = session.postLogin(username, password);
            assertThat(status).as("Tasklist login").isEqualTo(200);
            return session.withTokenOfTheNewSession();
        }

        static int loginStatus(int port, String username, String password) throws IOException, InterruptedException {
            return open(port).postLogin(username, password);
        }

        private static Tasklist open(int port) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://localhost:" + port;
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            return new Tasklist(http, base, token);
        }

        /** The login starts a new session with a new CSRF token, which changing calls must send. */
        private Tasklist withTokenOfTheNewSession() throws IOException, InterruptedException {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Tasklist(http, base, page.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken));
        }

        private int postLogin(String username, String password) throws IOException, InterruptedException {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        int status(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrfToken).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}

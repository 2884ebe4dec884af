package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the API does with bytes an attacker or a broken integration sends: control characters in
 * text, oversized bodies, malformed JSON, and an error nobody expected. Every answer is a 4xx
 * problem naming the field, or a 500 with an error id; none quotes SQL, classes or the body.
 */
@LeadbridgeTest
class HostileInputTest {

    private static final String NUL = "\u0000";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    private ApiClient marketing;
    private ApiClient carol;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aNulInALeadsNotesIsRefusedNamingNotesAndNothingIsStored() {
        LeadSubmission lead = withNotes(fixtures.partnerLead("US"), "call back" + NUL + "tomorrow");

        Response response = marketing.post("/api/leads", lead);

        assertBadField(response, "notes", "U+0000");
        assertThat(leadsWithExternalId(lead.externalId())).isZero();
    }

    @Test
    void notesMayHoldLineBreaksAndTabsButOtherFieldsHoldNoControlCharacter() {
        LeadSubmission multiLine = withNotes(fixtures.partnerLead("US"), "first line\r\n\tsecond line");
        assertThat(marketing.post("/api/leads", multiLine).status()).isEqualTo(201);

        LeadSubmission lead = fixtures.partnerLead("US");
        LeadSubmission newlineInName = new LeadSubmission(lead.externalId(), lead.source(), lead.campaign(),
                lead.product(), lead.score(), new LeadSubmission.Contact("Pat\nAdmin", lead.contact().lastName(),
                        lead.contact().email(), lead.contact().phone(), lead.contact().title()),
                lead.account(), lead.notes());
        assertBadField(marketing.post("/api/leads", newlineInName), "contact.firstName", "U+000A");
        assertThat(leadsWithExternalId(lead.externalId())).isZero();
    }

    @Test
    void aNulInACredentialsLabelIsRefusedNamingLabel() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");

        Response response = carol.post("/api/partners/" + partner + "/credentials", Map.of("label", "CRM" + NUL));

        assertBadField(response, "label", "control characters");
        assertThat(jdbc.sql("select count(*) from partner_credential where partner_id = :p").param("p", partner)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNulInASupportRequestIsRefusedNamingJustification() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(rep.post("/api/leads/" + leadId + "/accept", Map.of()).status()).isEqualTo(200);

        Response response = rep.post("/api/leads/" + leadId + "/support-requests", Map.of("kind", "SPECIAL_PRICING",
                "discountPercent", 10, "justification", "the competitor" + NUL + " offers more"));

        assertBadField(response, "justification", "U+0000");
        assertThat(rep.get("/api/leads/" + leadId + "/support-requests").json()).isEmpty();
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingTheParameter() {
        Response response = carol.get("/api/leads?partner=alpha%00beta");

        assertBadField(response, "partner", "control characters");
    }

    @Test
    void aControlCharacterInThePathIsRefusedNamingThePath() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");

        Response response = carol.get("/api/partners/" + partner + "%01/webhooks");

        assertBadField(response, "path", "U+0001");
    }

    @Test
    void anUnexpectedErrorAnswersWithAnErrorIdAndNothingOfTheException() {
        Response response = carol.get(FailingEndpoint.PATH);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errorId").asText()).matches("[0-9a-f-]{36}");
        assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("select")
                .doesNotContainIgnoringCase("insert").doesNotContain("org.").doesNotContain("java.")
                .doesNotContain("Exception").doesNotContain("secret-prospect-notes").doesNotContain("trace");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413BeforeItIsRead() {
        String big = "{\"externalId\":\"" + "x".repeat(2_000_000) + "\"}";

        Response response = marketing.post("/api/leads", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains("1 MB");
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutAtTheLimitWith413() throws Exception {
        String big = "{\"externalId\":\"" + "x".repeat(2_000_000) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("marketing:" + LeadFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                // A publisher of unknown length: sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(big)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isNegative();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("1 MB").doesNotContain("xxxxxxxx");
    }

    @Test
    void malformedJsonIsRefusedWithoutQuotingTheBody() {
        Response response = marketing.post("/api/leads", "{\"externalId\": secretprospecttoken, \"score\": 1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("secretprospecttoken").doesNotContain("Exception")
                .doesNotContain("com.fasterxml");
        assertThat(response.json().path("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aWrongValueIsQuotedOnlyByItsStart() {
        Response response = marketing.post("/api/leads", Map.of("score", "y".repeat(500)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("y".repeat(100));
    }

    private static void assertBadField(Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly(field);
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("message").asText()).contains(messagePart);
    }

    private static LeadSubmission withNotes(LeadSubmission lead, String notes) {
        return new LeadSubmission(lead.externalId(), lead.source(), lead.campaign(), lead.product(), lead.score(),
                lead.contact(), lead.account(), notes);
    }

    private long leadsWithExternalId(String externalId) {
        return jdbc.sql("select count(*) from lead where external_id = :id").param("id", externalId)
                .query(Long.class).single();
    }
}

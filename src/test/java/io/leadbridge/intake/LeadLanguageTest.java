package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lead's optional language over HTTP: an ISO 639-1 code in any letter case is stored in lower
 * case and shown on the lead and in the list; anything else is a 400 naming {@code language}, and
 * the CSV import reads it from its {@code language} column by the same rules.
 */
@LeadbridgeTest
class LeadLanguageTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    ApiClient marketing;
    ApiClient carol;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    @Test
    void aLanguageCodeInAnyCaseIsStoredInLowerCaseAndShownOnTheLeadAndInTheList() {
        LeadSubmission lead = speaking(fixtures.partnerLead("DE"), "DE");

        Response created = marketing.post("/api/leads", lead);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("language").asText()).isEqualTo("de");
        assertThat(fixtures.lead(id).language()).isEqualTo("de");
        assertThat(carol.get("/api/leads/" + id).json().path("language").asText()).isEqualTo("de");
        JsonNode listed = carol.get("/api/leads?campaign=" + lead.campaign() + "&size=100").json().path("items");
        List<String> languages = new ArrayList<>();
        listed.forEach(item -> {
            if (item.path("id").asLong() == id) {
                languages.add(item.path("language").asText());
            }
        });
        assertThat(languages).containsExactly("de");
    }

    @Test
    void aLeadWithoutALanguageHasNone() {
        Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().hasNonNull("language")).isFalse();
        assertThat(fixtures.lead(created.json().path("id").asLong()).language()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "deu", "german", "d", "", " de", "d3", "de-DE", "\u0000", "d\u0000",
            "ｄｅ"})
    void anythingButAnIso6391CodeIsRefusedNamingLanguageAndNothingIsStored(String language) {
        LeadSubmission lead = speaking(fixtures.partnerLead("US"), language);

        Response response = marketing.post("/api/leads", lead);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(response.json())).containsExactly("language");
        assertThat(leadsWithExternalId(lead.externalId())).isZero();
    }

    @Test
    void aVeryLongLanguageIsRefusedNamingLanguageWithoutEchoingIt() {
        String huge = "de".repeat(50_000);
        LeadSubmission lead = speaking(fixtures.partnerLead("US"), huge);

        Response response = marketing.post("/api/leads", lead);

        assertThat(response.status()).as(response.toString()).isIn(400, 413);
        if (response.status() == 400) {
            assertThat(fields(response.json())).containsExactly("language");
        }
        assertThat(response.body().length()).isLessThan(5_000);
        assertThat(leadsWithExternalId(lead.externalId())).isZero();
    }

    @Test
    void theCsvImportReadsTheLanguageColumnByTheSameRules() {
        LeadSubmission good = fixtures.partnerLead("DE");
        LeadSubmission bad = fixtures.partnerLead("DE");
        String file = "externalId,source,product,score,contactFirstName,contactLastName,contactEmail,accountName,"
                + "accountDomain,accountCountry,Language\r\n"
                + row(good, "FR") + "\r\n"
                + row(bad, "french") + "\r\n";

        Response response = marketing.postCsv("/api/leads/import", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.path("created").path("count").asInt()).isEqualTo(1);
        long id = summary.path("created").path("leadIds").get(0).asLong();
        assertThat(fixtures.lead(id).language()).isEqualTo("fr");
        JsonNode rejected = summary.path("rejected").path("rows");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("line").asInt()).isEqualTo(3);
        assertThat(fields(rejected.get(0))).containsExactly("language");
        assertThat(leadsWithExternalId(bad.externalId())).isZero();
    }

    private static String row(LeadSubmission lead, String language) {
        return String.join(",", lead.externalId(), lead.source(), lead.product(), lead.score().toString(),
                lead.contact().firstName(), lead.contact().lastName(), lead.contact().email(), lead.account().name(),
                lead.account().domain(), lead.account().country(), language);
    }

    static LeadSubmission speaking(LeadSubmission lead, String language) {
        return new LeadSubmission(lead.externalId(), lead.source(), lead.campaign(), lead.product(), lead.score(),
                lead.contact(), lead.account(), lead.notes(), language);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private long leadsWithExternalId(String externalId) {
        return jdbc.sql("select count(*) from lead where external_id = :e").param("e", externalId)
                .query(Long.class).single();
    }
}

package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API takes exactly what it documents and refuses the rest with a 4xx problem before it changes
 * anything: answer formats it cannot give, content types it does not read, values the database
 * could not hold, and JSON that only a lenient reader would take.
 */
@LeadbridgeTest
class StrictInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;

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

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/xml", "text/html", "application/json;q=0", "no/such type"})
    void aLeadAskedForInAFormatOtherThanJsonIsRefusedWith406AndNotStored(String accept) {
        LeadSubmission lead = fixtures.partnerLead("US");
        long leads = count("select count(*) from lead");
        long processes = runtime.createProcessInstanceQuery().count();

        Response refused = marketing.raw("POST", "/api/leads",
                Map.of("Content-Type", "application/json", "Accept", accept), json(lead));

        assertNotAcceptable(refused);
        assertThat(count("select count(*) from lead")).isEqualTo(leads);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    @Test
    void aLeadAskedForAsJsonOrAnythingIsStored() {
        for (String accept : List.of("application/json", "*/*", "application/*", "text/csv, application/json;q=0.1")) {
            Response created = marketing.raw("POST", "/api/leads",
                    Map.of("Content-Type", "application/json", "Accept", accept), json(fixtures.partnerLead("US")));

            assertThat(created.status()).as(accept + ": " + created.body()).isEqualTo(201);
        }
    }

    @Test
    void anImportAskedForAsCsvIsRefusedWith406AndStoresNothing() {
        LeadSubmission lead = fixtures.partnerLead("US");
        String file = "externalId,source,product,score,contactFirstName,contactLastName,contactEmail,accountName,"
                + "accountDomain,accountCountry\n" + String.join(",", lead.externalId(), lead.source(), "Cloud",
                "70", "Pat", "Prospect", lead.contact().email(), "Acme", lead.account().domain(), "US") + "\n";

        Response refused = marketing.raw("POST", "/api/leads/import",
                Map.of("Content-Type", "text/csv", "Accept", "text/csv"), file.getBytes(StandardCharsets.UTF_8));

        assertNotAcceptable(refused);
        assertThat(count("select count(*) from lead where external_id = '" + lead.externalId() + "'")).isZero();
    }

    @Test
    void aPartnerAskedForAsXmlIsRefusedWith406AndNotCreated() {
        Map<String, Object> partner = Map.of("id", "xml-partner", "name", "Xml Partner", "tier", "GOLD",
                "capacity", 10, "countries", List.of("US"));

        Response refused = carol.raw("POST", "/api/partners",
                Map.of("Content-Type", "application/json", "Accept", "application/xml"), json(partner));

        assertNotAcceptable(refused);
        assertThat(count("select count(*) from partner where id = 'xml-partner'")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"80\"", "true", "80.0"})
    void aScoreThatIsNoWholeJsonNumberIsRefusedNamingScore(String score) {
        String body = leadJson(fixtures.partnerLead("US")).replace("\"score\":70", "\"score\":" + score);
        assertThat(body).contains("\"score\":" + score);

        Response refused = marketing.raw("POST", "/api/leads", Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("score");
        assertThat(count("select count(*) from lead where external_id = '" + externalId(body) + "'")).isZero();
    }

    @Test
    void aNumberWhereTextBelongsAndANumberForAnEnumAreRefused() {
        String body = leadJson(fixtures.partnerLead("US")).replaceFirst("\"product\":\"[^\"]*\"", "\"product\":42");

        Response refused = marketing.raw("POST", "/api/leads", Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
        Response tierByNumber = carol.post("/api/partners", Map.of("id", "tier-by-number", "name", "Numbered",
                "tier", 1, "capacity", 10, "countries", List.of("US")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("product");
        assertThat(tierByNumber.status()).as(tierByNumber.body()).isEqualTo(400);
        assertThat(tierByNumber.json().path("errors").get(0).path("field").asText()).isEqualTo("tier");
    }

    @Test
    void anythingAfterTheJsonValueOrAFieldNamedTwiceIsRefusedAndNothingStored() {
        String body = leadJson(fixtures.partnerLead("US"));

        List<String> bodies = new java.util.ArrayList<>();
        for (String trailer : List.of(" garbage", "{}", "]", ",")) {
            bodies.add(body + trailer);
        }
        bodies.add(body.replace("\"score\":70", "\"score\":70,\"score\":100"));
        for (String sent : bodies) {
            String trailer = sent.substring(Math.min(sent.length(), body.length()));
            Response refused = marketing.raw("POST", "/api/leads", Map.of("Content-Type", "application/json"),
                    sent.getBytes(StandardCharsets.UTF_8));

            assertThat(refused.status()).as(trailer + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).contains("not valid JSON");
        }
        assertThat(count("select count(*) from lead where external_id = '" + externalId(body) + "'")).isZero();
    }

    @Test
    void aPhoneLongerThanItsColumnIsRefusedNamingThePhone() {
        LeadSubmission lead = withContact(fixtures.partnerLead("US"), null, "+" + "1".repeat(40));

        Response refused = marketing.post("/api/leads", lead);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("contact.phone");
        assertThat(count("select count(*) from lead where external_id = '" + lead.externalId() + "'")).isZero();
    }

    @Test
    void anEmailThatGrowsPastItsColumnInLowerCaseIsRefusedNamingTheEmail() {
        String domain = ("a".repeat(63) + ".").repeat(3) + "b".repeat(55) + ".example";
        String email = "\u0130".repeat(64) + "@" + domain;
        assertThat(email).hasSize(320);
        LeadSubmission lead = withContact(fixtures.partnerLead("US"), email, null);

        Response refused = marketing.post("/api/leads", lead);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("contact.email");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("lower case");
        assertThat(count("select count(*) from lead where external_id = '" + lead.externalId() + "'")).isZero();
    }

    @Test
    void aPartnerCapabilityLongerThanItsColumnIsRefusedNamingTheField() {
        Response refused = carol.post("/api/partners", Map.of("id", "long-industry", "name", "Long Industry",
                "tier", "GOLD", "capacity", 10, "countries", List.of("US"), "industries", List.of("i".repeat(101))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).startsWith("industries");
        assertThat(count("select count(*) from partner where id = 'long-industry'")).isZero();
    }

    @Test
    void aRepWhoseNameOrEmailDoesNotFitTheUserRecordsIsRefusedNamingTheField() {
        String partner = fixtures.partner("strict", io.leadbridge.partner.PartnerTier.GOLD, "US");
        String longEmail = "r".repeat(64) + "@" + ("a".repeat(63) + ".").repeat(3) + "example";

        Response longName = carol.post("/api/partners/" + partner + "/reps", Map.of("username", "long-name-rep",
                "name", "N".repeat(150) + " North", "email", "nina@partner.example", "password", LeadFixtures.PASSWORD));
        Response wideEmail = carol.post("/api/partners/" + partner + "/reps", Map.of("username", "wide-email-rep",
                "firstName", "Nina", "lastName", "North", "email", longEmail, "password", LeadFixtures.PASSWORD));

        assertThat(longName.status()).as(longName.body()).isEqualTo(400);
        assertThat(longName.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(wideEmail.status()).as(wideEmail.body()).isEqualTo(400);
        assertThat(wideEmail.json().path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(count("select count(*) from partner_rep where username in ('long-name-rep', 'wide-email-rep')"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/*", "*/*", "application/json; charset=no-such-charset", "nonsense"})
    void aContentTypeTheApiDoesNotReadIsRefusedWithAProblem(String contentType) {
        LeadSubmission lead = fixtures.partnerLead("US");

        Response refused = marketing.raw("POST", "/api/leads", Map.of("Content-Type", contentType), json(lead));

        assertThat(refused.status()).as(refused.body()).isIn(400, 415);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("Content-Type");
        assertThat(count("select count(*) from lead where external_id = '" + lead.externalId() + "'")).isZero();
    }

    @Test
    void aMultipartUploadWithoutABoundaryIsRefusedWithAProblem() {
        Response refused = marketing.raw("POST", "/api/leads/import", Map.of("Content-Type", "multipart/form-data"),
                "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\na\r\n--x--\r\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("multipart");
    }

    @Test
    void overlongUtf8AndBytesThatAreNotUtf8InJsonAreRefused() {
        String body = leadJson(fixtures.partnerLead("US"));
        byte[] overlong = body.replace("\"notes\":\"", "\"notes\":\"SLASH").getBytes(StandardCharsets.UTF_8);
        byte[] withBytes = replace(overlong, "SLASH", new byte[] {(byte) 0xC0, (byte) 0xAF});
        byte[] latin1 = replace(overlong, "SLASH", new byte[] {(byte) 0xE9});

        for (byte[] bytes : List.of(withBytes, latin1)) {
            Response refused = marketing.raw("POST", "/api/leads", Map.of("Content-Type", "application/json"), bytes);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).contains("not valid UTF-8");
        }
        assertThat(count("select count(*) from lead where external_id = '" + externalId(body) + "'")).isZero();
    }

    private static byte[] replace(byte[] bytes, String marker, byte[] by) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        byte[] result = new byte[bytes.length - marker.length() + by.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(by, 0, result, at, by.length);
        System.arraycopy(bytes, at + marker.length(), result, at + by.length, bytes.length - at - marker.length());
        return result;
    }

    private static LeadSubmission withContact(LeadSubmission lead, String email, String phone) {
        LeadSubmission.Contact c = lead.contact();
        return new LeadSubmission(lead.externalId(), lead.source(), lead.campaign(), lead.product(), lead.score(),
                new LeadSubmission.Contact(c.firstName(), c.lastName(), email == null ? c.email() : email,
                        phone == null ? c.phone() : phone, c.title()), lead.account(), lead.notes());
    }

    private String leadJson(LeadSubmission lead) {
        String body = new String(json(lead), StandardCharsets.UTF_8);
        return body.replaceFirst("\"score\":\\d+", "\"score\":70");
    }

    private static String externalId(String body) {
        try {
            return JSON.readTree(body).path("externalId").asText();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertNotAcceptable(Response refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(406);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("Accept").contains("application/json");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}

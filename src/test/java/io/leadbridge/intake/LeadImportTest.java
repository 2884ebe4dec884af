package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/leads/import} over HTTP: a file of good and broken rows, as a marketing team uploads it. */
@LeadbridgeTest
class LeadImportTest {

    private static final String HEADER = "externalId,source,campaign,product,score,notes,contactFirstName,"
            + "contactLastName,contactEmail,contactPhone,contactTitle,accountName,accountDomain,accountIndustry,"
            + "accountCountry,accountRegion,accountEmployees,accountAnnualRevenue";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    ApiClient marketing;
    String batch;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        batch = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void goodRowsBecomeLeadsBrokenRowsAreReportedByLineAndAKnownLeadIsExisting() {
        LeadSubmission known = fixtures.partnerLead("US");
        long knownId = fixtures.submit(known);
        String file = HEADER + "\r\n"
                + row("good-1", "US", "70", "\"Asked for a demo, \"\"soon\"\".\nCall after 3pm.\"", "pat") + "\r\n"
                + row("bad-email", "US", "70", "", "not-an-email") + "\r\n"
                + row("good-2", "DE", "40", "", "kim") + "\r\n"
                + row("bad-score", "US", "150", "", "lee") + "\r\n"
                + row("bad-country", "XX", "70", "", "max") + "\r\n"
                + row("bad-employees", "US", "70", "", "sam").replace(",250,", ",many,") + "\r\n"
                + row("", "US", "70", "", "ann") + "\r\n"
                + String.join(",", known.externalId(), known.source(), "", "Cloud Platform", "70", "", "Pat",
                        "Prospect", "other@prospect.example", "", "", "Other", "other-" + batch + ".example", "",
                        "US", "", "", "") + "\r\n"
                + row("good-3", "CA", "90", "", "joe") + "\r\n";

        Response response = marketing.postCsv("/api/leads/import", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.path("rows").asInt()).isEqualTo(9);
        assertThat(summary.path("created").path("count").asInt()).isEqualTo(3);
        assertThat(summary.path("existing").path("count").asInt()).isEqualTo(1);
        assertThat(summary.path("existing").path("leadIds").get(0).asLong()).isEqualTo(knownId);
        assertThat(summary.path("rejected").path("count").asInt()).isEqualTo(5);

        JsonNode rejected = summary.path("rejected").path("rows");
        assertThat(lines(rejected)).as("lines of the file, the header is 1, the quoted notes span 2 and 3")
                .containsExactly(4, 6, 7, 8, 9);
        assertThat(rejected.get(0).path("externalId").asText()).isEqualTo(id("bad-email"));
        assertThat(errorFields(rejected.get(0))).containsExactly("contact.email");
        assertThat(errorFields(rejected.get(1))).containsExactly("score");
        assertThat(rejected.get(1).path("errors").get(0).path("message").asText()).contains("100");
        assertThat(errorFields(rejected.get(2))).containsExactly("account.country");
        assertThat(errorFields(rejected.get(3))).containsExactly("account.employees");
        assertThat(rejected.get(3).path("errors").get(0).path("message").asText()).contains("accountEmployees");
        assertThat(rejected.get(4).has("externalId")).isFalse();
        assertThat(errorFields(rejected.get(4))).containsExactly("externalId");

        List<Long> created = new ArrayList<>();
        summary.path("created").path("leadIds").forEach(id -> created.add(id.asLong()));
        assertThat(created).hasSize(3).allSatisfy(id -> assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(id)).count()).isEqualTo(1));
        assertThat(created).extracting(id -> fixtures.lead(id).externalId())
                .containsExactly(id("good-1"), id("good-2"), id("good-3"));
        assertThat(fixtures.lead(created.get(0)).notes()).isEqualTo("Asked for a demo, \"soon\".\nCall after 3pm.");
        assertThat(fixtures.lead(created.get(0)).source()).isEqualTo("csv-" + batch);

        assertThat(count("lead where source = :s", "csv-" + batch)).as("nothing of the broken rows").isEqualTo(3);
        assertThat(count("account where domain like :s", "%-" + batch + ".example")).isEqualTo(3);
        assertThat(count("contact where email like :s", "%@" + batch + ".example")).isEqualTo(3);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(knownId)).count())
                .as("no second process for the known lead").isEqualTo(1);
    }

    @Test
    void theSameFileImportedAgainCreatesNothing() {
        String file = HEADER + "\n" + row("a", "US", "70", "", "a") + "\n" + row("b", "DE", "70", "", "b") + "\n"
                + row("a", "US", "70", "", "a") + "\n";

        JsonNode first = marketing.postCsv("/api/leads/import", file).json();
        JsonNode again = marketing.postCsv("/api/leads/import", file).json();

        assertThat(first.path("created").path("count").asInt()).isEqualTo(2);
        assertThat(first.path("existing").path("count").asInt()).as("a row repeated in the same file").isEqualTo(1);
        assertThat(again.path("created").path("count").asInt()).isZero();
        assertThat(again.path("existing").path("count").asInt()).isEqualTo(3);
        JsonNode created = first.path("created").path("leadIds");
        assertThat(again.path("existing").path("leadIds")).containsExactly(created.get(0), created.get(1),
                created.get(0));
        assertThat(count("lead where source = :s", "csv-" + batch)).isEqualTo(2);
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAndTheOthersStand() {
        String file = HEADER + "\n" + row("before", "US", "70", "", "a") + "\n"
                + row("huge", "US", "70", "", "b").replace(",25000000", ",1" + "0".repeat(20)) + "\n"
                + row("after", "US", "70", "", "c") + "\n";

        JsonNode summary = marketing.postCsv("/api/leads/import", file).json();

        assertThat(summary.path("created").path("count").asInt()).isEqualTo(2);
        assertThat(lines(summary.path("rejected").path("rows"))).containsExactly(3);
        assertThat(count("account where domain = :s", "huge-" + batch + ".example")).isZero();
    }

    @Test
    void aFileUploadedAsAFormWithAByteOrderMarkAndOddLetterCaseIsImported() {
        String file = "\uFEFF" + HEADER.toUpperCase() + "\n" + row("upload", "FR", "70", "", "u") + "\n";

        Response response = marketing.postMultipart("/api/leads/import",
                new String[][] {{"file", "leads.csv", file}});

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("created").path("count").asInt()).isEqualTo(1);
        long id = response.json().path("created").path("leadIds").get(0).asLong();
        assertThat(fixtures.lead(id).externalId()).isEqualTo(id("upload"));
    }

    @Test
    void aFileWithUnknownOrMissingColumnsOrNothingAtAllIsRefusedBeforeAnythingIsStored() {
        String file = HEADER.replace("contactEmail", "contact_email") + ",shoeSize\n"
                + row("x", "US", "70", "", "x") + ",42\n";

        Response refused = marketing.postCsv("/api/leads/import", file);

        assertThat(refused.status()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        refused.json().path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertThat(named).as("unknown columns are one error of the header").containsExactlyInAnyOrder("header",
                "contactEmail");
        assertThat(refused.json().path("detail").asText()).contains("unknown columns 'contact_email', 'shoeSize'")
                .contains("required column");
        assertThat(count("lead where source = :s", "csv-" + batch)).isZero();

        Response empty = marketing.postCsv("/api/leads/import", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(marketing.postMultipart("/api/leads/import", new String[][] {{"other", "x.csv", HEADER}}).status())
                .as("no part named file").isEqualTo(400);
    }

    @Test
    @Timeout(30)
    void aHeaderOf64000ColumnsOrOneMegabyteIsRefusedAtOnceWithASmallAnswer() {
        StringBuilder columns = new StringBuilder(HEADER);
        for (int i = 0; i < 64_000; i++) {
            columns.append(",unknown").append(i);
        }
        String megabyte = HEADER + "," + "x".repeat(1024 * 1024);

        for (String header : List.of(columns.toString(), megabyte)) {
            Response refused = marketing.postCsv("/api/leads/import", header + "\n" + row("x", "US", "70", "", "x")
                    + "\n");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body().length()).as(refused.body()).isLessThan(1_000);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("header");
            assertThat(refused.json().path("detail").asText())
                    .contains("the header row is broken: it is longer than 4096 characters");
        }
        assertThat(count("lead where source = :s", "csv-" + batch)).isZero();
    }

    @Test
    @Timeout(30)
    void aShortHeaderOfThousandsOfColumnsIsRefusedNamingTheColumnLimit() {
        Response refused = marketing.postMultipart("/api/leads/import",
                new String[][] {{"file", "wide.csv", HEADER + ",a".repeat(1_500) + "\n"}});

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().length()).as(refused.body()).isLessThan(1_000);
        assertThat(refused.json().path("detail").asText())
                .contains("the header row is broken: it has 1518 fields; at most 100 are read");
    }

    @Test
    @Timeout(30)
    void aRowOfMillionsOfCommasIsRejectedWithoutBeingHeldAndTheOthersStand() {
        String file = HEADER + "\n" + row("before", "US", "70", "", "b") + "\n" + ",".repeat(5_000_000) + "\n"
                + row("after", "US", "70", "", "a") + "\n";

        Response response = marketing.postCsv("/api/leads/import", file);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().length()).as(response.body()).isLessThan(1_000);
        JsonNode summary = response.json();
        assertThat(summary.path("created").path("count").asInt()).isEqualTo(2);
        JsonNode rejected = summary.path("rejected").path("rows").get(0);
        assertThat(rejected.path("line").asInt()).isEqualTo(3);
        assertThat(rejected.path("errors").get(0).path("message").asText())
                .isEqualTo("it has 5000001 fields; at most 100 are read");
    }

    @Test
    void aScoreOrRevenueWrittenInOtherThanAsciiDigitsRejectsItsRow() {
        String file = HEADER + "\n" + row("full-width", "US", "\uFF18\uFF10", "", "f") + "\n"
                + row("exponent", "US", "70", "", "e").replace(",25000000", ",2.5e7") + "\n"
                + row("ascii", "US", "80", "", "a") + "\n";

        JsonNode summary = marketing.postCsv("/api/leads/import", file).json();

        assertThat(summary.path("created").path("count").asInt()).as(summary.toString()).isEqualTo(1);
        JsonNode rejected = summary.path("rejected").path("rows");
        assertThat(errorFields(rejected.get(0))).containsExactly("score");
        assertThat(errorFields(rejected.get(1))).containsExactly("account.annualRevenue");
        assertThat(count("lead where external_id = :s", id("full-width"))).isZero();
    }

    @Test
    void aPartnerRepMayNotImportAndNobodyWithoutLoggingIn() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        String file = HEADER + "\n" + row("sneaky", "US", "70", "", "s") + "\n";

        assertThat(rep.postCsv("/api/leads/import", file).status()).isEqualTo(403);
        assertThat(rep.postMultipart("/api/leads/import", new String[][] {{"file", "l.csv", file}}).status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).postCsv("/api/leads/import", file).status()).isEqualTo(401);
        assertThat(count("lead where source = :s", "csv-" + batch)).isZero();
    }

    /** A row of all columns; the contact's e-mail is {@code <person>@<batch>.example} unless it holds an @ or is broken on purpose. */
    @Test
    void aCellHoldingAControlCharacterRejectsItsRowNamingTheField() {
        String file = HEADER + "\n"
                + row("nul-notes", "US", "70", "asked for a demo\u0000", "n") + "\n"
                + row("bell-name", "US", "70", "", "b").replace(",Pat,", ",Pa\u0007t,") + "\n"
                + row("two-lines", "US", "70", "\"first line\r\n\tsecond line\"", "t") + "\n";

        Response response = marketing.postCsv("/api/leads/import", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.path("created").path("count").asInt()).as("notes may span lines").isEqualTo(1);
        JsonNode rejected = summary.path("rejected").path("rows");
        assertThat(errorFields(rejected.get(0))).containsExactly("notes");
        assertThat(rejected.get(0).path("errors").get(0).path("message").asText())
                .contains("control characters").contains("U+0000").contains("column notes");
        assertThat(errorFields(rejected.get(1))).containsExactly("contact.firstName");
        assertThat(count("lead where external_id = :s", id("nul-notes"))).isZero();
        assertThat(count("lead where external_id = :s", id("bell-name"))).isZero();
    }

    private String row(String name, String country, String score, String notes, String person) {
        String email = person.contains("@") || person.startsWith("not-") ? person : person + "@" + batch + ".example";
        String region = country.equals("US") ? "US-CA" : "";
        return String.join(",", name.isEmpty() ? "" : id(name), "csv-" + batch, "spring-import", "Cloud Platform",
                score, notes, "Pat", "Prospect", email, "+1 555 0100", "CTO", "\"Prospect " + name + ", Inc.\"",
                (name.isEmpty() ? person : name) + "-" + batch + ".example", "Retail", country, region, "250", "25000000");
    }

    private String id(String name) {
        return name + "-" + batch;
    }

    private long count(String fromWhere, String value) {
        return jdbc.sql("select count(*) from " + fromWhere).param("s", value).query(Long.class).single();
    }

    private static List<Integer> lines(JsonNode rows) {
        List<Integer> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r.path("line").asInt()));
        return lines;
    }

    private static List<String> errorFields(JsonNode rejectedRow) {
        List<String> fields = new ArrayList<>();
        rejectedRow.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}

package io.leadbridge.intake;

import io.leadbridge.csv.CsvReader;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How long {@code POST /api/leads/import} takes for 10,000 rows. Not part of {@code ./mvnw verify};
 * run it with {@code ./mvnw -Pbenchmark test} and copy the printed figures to docs/benchmarks.md.
 */
@LeadbridgeTest
class LeadImportBenchmark {

    private static final int ROWS = 10_000;
    static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "SE", "ES", "IT", "AU"};
    private static final String[] PRODUCTS = {"Cloud Platform", "Security Suite", "Networking", "Data Analytics"};
    private static final String[] INDUSTRIES = {"Retail", "Manufacturing", "Healthcare", "Financial Services"};

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired jakarta.validation.Validator validator;

    ApiClient marketing;

    @BeforeEach
    void marketingUser() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
    }

    @Test
    void importingTenThousandRows() throws IOException {
        String file = generate(ROWS, UUID.randomUUID().toString().substring(0, 8));
        System.out.printf("BENCHMARK file: %,d rows, %,d characters%n", ROWS, file.length());

        long start = System.nanoTime();
        int rows = 0;
        CsvReader reader = new CsvReader(new StringReader(file));
        LeadCsv csv = LeadCsv.header(reader.next(), validator, 100);
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            rows += csv.row(r).valid() ? 1 : 0;
        }
        report("read and checked only (CsvReader + LeadCsv + bean validation), " + rows + " valid", start);

        start = System.nanoTime();
        Response first = marketing.postCsv("/api/leads/import", file);
        report("POST /api/leads/import, all new: " + summary(first), start);

        start = System.nanoTime();
        Response again = marketing.postCsv("/api/leads/import", file);
        report("POST /api/leads/import, same file again (all existing): " + summary(again), start);
    }

    private static String summary(Response response) {
        if (response.status() != 200) {
            throw new AssertionError(response.toString());
        }
        var json = response.json();
        return json.path("created").path("count").asInt() + " created, " + json.path("existing").path("count")
                .asInt() + " existing, " + json.path("rejected").path("count").asInt() + " rejected";
    }

    /** Every row a new account and contact, as a trade-show list would be. */
    static String generate(int rows, String batch) {
        return generate(rows, batch, false);
    }

    /**
     * Every row a new account and contact. {@code forPartners}: every row one that the qualification
     * table sends to a partner (score 70, 250 employees, as {@code LeadFixtures.partnerLead}), so that
     * each becomes an offer; otherwise scores and head counts vary and some rows go elsewhere.
     */
    static String generate(int rows, String batch, boolean forPartners) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("externalId,source,campaign,product,score,notes,contactFirstName,"
                + "contactLastName,contactEmail,contactPhone,contactTitle,accountName,accountDomain,accountIndustry,"
                + "accountCountry,accountRegion,accountEmployees,accountAnnualRevenue\r\n");
        for (int i = 0; i < rows; i++) {
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            int employees = forPartners ? 250 : 5 + random.nextInt(20_000);
            String product = forPartners ? "Cloud Platform" : PRODUCTS[random.nextInt(PRODUCTS.length)];
            int score = forPartners ? 70 : random.nextInt(101);
            csv.append("bench-").append(batch).append('-').append(i).append(",trade-show,spring-expo,")
                    .append(product).append(',').append(score)
                    .append(",\"Met at booth 12, asked for \"\"pricing\"\"\",Pat,Prospect,pat.").append(i)
                    .append('@').append(batch).append(".example,+1 555 0100,CTO,\"Prospect ").append(i)
                    .append(", Inc.\",prospect-").append(i).append('-').append(batch).append(".example,")
                    .append(forPartners ? "Retail" : INDUSTRIES[random.nextInt(INDUSTRIES.length)]).append(',')
                    .append(country).append(',')
                    .append(country.equals("US") ? "US-CA" : "").append(',').append(employees).append(',')
                    .append(employees * 150_000L).append("\r\n");
        }
        return csv.toString();
    }

    private static void report(String what, long startNanos) {
        System.out.printf("BENCHMARK %-90s %8.2f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }
}

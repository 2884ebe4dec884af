package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/exchange-rates} over HTTP: channel managers set, upload and remove monthly rates,
 * everyone logged in reads them; nobody else writes, and bad input is refused whole, naming the
 * field, with nothing stored. Months of the 2900s, which no report of another test reaches.
 */
@LeadbridgeTest
class ExchangeRateApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;

    private ApiClient admin;
    private ApiClient rep;
    private ApiClient vendorUser;

    @BeforeEach
    void users() {
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        rep = ApiClient.as(port, fixtures.rep(fixtures.partner("rates", PartnerTier.SILVER, "US")),
                LeadFixtures.PASSWORD);
        String user = "fin-" + UUID.randomUUID().toString().substring(0, 8);
        access.provisionUser(user, "Fin", "Ance", user + "@vendor.example", LeadFixtures.PASSWORD);
        vendorUser = ApiClient.as(port, user, LeadFixtures.PASSWORD);
    }

    @Test
    void aChannelManagerSetsAMonthsRateThatEveryoneReads() {
        ApiClient.Response stored = admin.put("/api/exchange-rates/usd/2901-03", Map.of("rate", 0.92));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        JsonNode rate = stored.json();
        assertThat(rate.path("currency").asText()).as("codes are upper-cased").isEqualTo("USD");
        assertThat(rate.path("month").asText()).isEqualTo("2901-03");
        assertThat(rate.path("rate").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(rate.path("reportingCurrency").asText()).isEqualTo("EUR");
        assertThat(rate.path("updatedBy").asText()).isEqualTo("admin");

        for (ApiClient reader : List.of(admin, rep, vendorUser)) {
            assertThat(reader.get("/api/exchange-rates/USD/2901-03").json().path("rate").decimalValue())
                    .isEqualByComparingTo("0.92");
            assertThat(months(reader.get("/api/exchange-rates?currency=USD").json())).contains("USD 2901-03 0.92");
        }

        assertThat(admin.put("/api/exchange-rates/USD/2901-03", Map.of("rate", 0.9)).json().path("rate")
                .decimalValue()).as("a second PUT replaces the rate").isEqualByComparingTo("0.9");
        assertThat(admin.delete("/api/exchange-rates/USD/2901-03").status()).isEqualTo(204);
        assertThat(admin.get("/api/exchange-rates/USD/2901-03").status()).isEqualTo(404);
        assertThat(admin.delete("/api/exchange-rates/USD/2901-03").status()).isEqualTo(404);
    }

    @Test
    void aChannelManagerUploadsAFileOfRatesAsTheBodyOrAsAFormField() {
        ApiClient.Response body = admin.postCsv("/api/exchange-rates",
                "\uFEFFmonth,currency,rate\r\n2902-01,USD,0.81\r\n2902-02,usd,0.8\r\n2902-01,GBP,1.17\r\n");

        assertThat(body.status()).as(body.toString()).isEqualTo(200);
        assertThat(body.json().path("imported").asInt()).isEqualTo(3);
        assertThat(months(body.json().path("rates"))).containsExactly("GBP 2902-01 1.17", "USD 2902-01 0.81",
                "USD 2902-02 0.8");

        ApiClient.Response form = admin.postMultipart("/api/exchange-rates",
                new String[][] {{"file", "rates.csv", "currency,month,rate\nUSD,2902-01,0.82\n"}});
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(admin.get("/api/exchange-rates/USD/2902-01").json().path("rate").decimalValue())
                .as("an upload replaces the month's rate").isEqualByComparingTo("0.82");
    }

    @Test
    void aFileWithOneBadLineIsRefusedWholeNamingEveryLineAndField() {
        ApiClient.Response refused = admin.postCsv("/api/exchange-rates", "currency,month,rate\n"
                + "CHF,2903-01,1.05\nQQQ,2903-13,-1\nCHF,2903-01,1.06\nEUR,2903-02,1\n\"open,2903-03,1\n");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("line 3: currency", "line 3: month", "line 3: rate",
                "line 4: month", "line 5: currency", "line 6");
        assertThat(admin.get("/api/exchange-rates?currency=CHF").json()).as("nothing stored").isEmpty();
    }

    @Test
    void aFileMustNameItsColumnsAndHoldRates() {
        assertThat(fields(admin.postCsv("/api/exchange-rates", "currency,rate\nUSD,1\n"))).containsExactly("header");
        assertThat(fields(admin.postCsv("/api/exchange-rates", "currency,month,rate,note\nUSD,2903-01,1,x\n")))
                .containsExactly("header");
        assertThat(fields(admin.postCsv("/api/exchange-rates", ""))).containsExactly("file");
        assertThat(fields(admin.postCsv("/api/exchange-rates", "currency,month,rate\n"))).containsExactly("file");
        assertThat(fields(admin.postCsv("/api/exchange-rates", "currency,month,rate\nUSD,2903-01\n")))
                .containsExactly("line 2");
    }

    @Test
    void partnerUsersVendorUsersAndStrangersCannotChangeRates() {
        admin.put("/api/exchange-rates/USD/2904-01", Map.of("rate", 0.9));

        for (ApiClient other : List.of(rep, vendorUser)) {
            assertThat(other.put("/api/exchange-rates/USD/2904-01", Map.of("rate", 99)).status()).isEqualTo(403);
            assertThat(other.delete("/api/exchange-rates/USD/2904-01").status()).isEqualTo(403);
            assertThat(other.postCsv("/api/exchange-rates", "currency,month,rate\nUSD,2904-01,99\n").status())
                    .isEqualTo(403);
        }
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/api/exchange-rates").status()).isEqualTo(401);
        assertThat(anonymous.put("/api/exchange-rates/USD/2904-01", Map.of("rate", 99)).status()).isEqualTo(401);
        assertThat(admin.get("/api/exchange-rates/USD/2904-01").json().path("rate").decimalValue())
                .isEqualByComparingTo("0.9");
    }

    @Test
    void hostileInputIsAClear400NamingTheField() {
        assertThat(fields(admin.put("/api/exchange-rates/EUR/2905-01", Map.of("rate", 1))))
                .as("the reporting currency has no rate").containsExactly("currency");
        assertThat(fields(admin.put("/api/exchange-rates/ABC/2905-01", Map.of("rate", 1)))).containsExactly("currency");
        assertThat(fields(admin.put("/api/exchange-rates/USD/2905-13", Map.of("rate", 1)))).containsExactly("month");
        assertThat(fields(admin.put("/api/exchange-rates/USD/05-2905", Map.of("rate", 1)))).containsExactly("month");
        assertThat(fields(admin.put("/api/exchange-rates/USD/2905-01", Map.of("rate", 0)))).containsExactly("rate");
        assertThat(fields(admin.put("/api/exchange-rates/USD/2905-01", Map.of("rate", -2)))).containsExactly("rate");
        assertThat(fields(admin.put("/api/exchange-rates/USD/2905-01", Map.of("rate", 0.123456789))))
                .containsExactly("rate");
        assertThat(fields(admin.put("/api/exchange-rates/USD/2905-01", Map.of()))).containsExactly("rate");
        assertThat(admin.send("PUT", "/api/exchange-rates/USD/2905-01", "application/json", "{\"rate\": 1e999999999}")
                .status()).isEqualTo(400);
        assertThat(admin.send("PUT", "/api/exchange-rates/USD/2905-01", "application/json", "{\"rate\": \"abc\"}")
                .status()).isEqualTo(400);
        assertThat(admin.put("/api/exchange-rates/US%00/2905-01", Map.of("rate", 1)).status()).isEqualTo(400);
        assertThat(fields(admin.postCsv("/api/exchange-rates", "currency,month,rate\nUS\u0000D,2905-01,1\n")))
                .containsExactly("line 2: currency");
        ApiClient.Response notUtf8 = admin.raw("POST", "/api/exchange-rates", Map.of("Content-Type", "text/csv"),
                new byte[] {'c', 'u', 'r', (byte) 0xff, '\n'});
        assertThat(fields(notUtf8)).containsExactly("file");
        String huge = "currency,month,rate\n" + "USD,2905-01,1\n".repeat(100_000);
        ApiClient.Response tooLarge = admin.postCsv("/api/exchange-rates", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        ApiClient.Response tooLargeFile = admin.postMultipart("/api/exchange-rates",
                new String[][] {{"file", "rates.csv", huge}});
        assertThat(tooLargeFile.status()).isEqualTo(413);
        assertThat(admin.get("/api/exchange-rates?currency=USD").body()).doesNotContain("2905-");
        assertThat(fields(admin.get("/api/exchange-rates?currency=12"))).containsExactly("currency");
        for (ApiClient.Response answer : List.of(notUtf8, tooLarge)) {
            assertThat(answer.body()).doesNotContain("Exception", "at io.", "select ");
        }
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024 * 1024);
    }

    @Test
    void aFileSentWithoutALengthIsCutAtTheLimitWith413() throws Exception {
        String huge = "currency,month,rate\n" + "USD,2906-01,1\n".repeat(100_000);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/exchange-rates"))
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + LeadFixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                // A publisher of unknown length: sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(huge)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isNegative();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(admin.get("/api/exchange-rates/USD/2906-01").status()).as("nothing stored").isEqualTo(404);
    }

    private static List<String> months(JsonNode rates) {
        List<String> months = new ArrayList<>();
        rates.forEach(r -> months.add(r.path("currency").asText() + " " + r.path("month").asText() + " "
                + r.path("rate").decimalValue().stripTrailingZeros().toPlainString()));
        return months;
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        if (fields.isEmpty()) {
            fields.add(response.json().path("field").asText());
        }
        return fields;
    }
}

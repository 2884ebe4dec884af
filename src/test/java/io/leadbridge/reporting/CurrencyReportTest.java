package io.leadbridge.reporting;

import static io.leadbridge.reporting.ReportAssertions.assertDecimal;
import static io.leadbridge.reporting.ReportAssertions.converted;
import static io.leadbridge.reporting.ReportAssertions.line;
import static io.leadbridge.reporting.ReportAssertions.ok;
import static io.leadbridge.reporting.ReportAssertions.stages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.CsvRows;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports in one currency, over HTTP, against the hand counts of {@link CurrencyFixture}: every
 * amount converted at the rate of its month, the original amounts beside, an amount of a month
 * without a rate shown apart and never in a total or an ROI.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrencyReportTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired Campaigns campaigns;
    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;

    private CurrencyFixture f;
    private ApiClient admin;
    private ApiClient dollarRep;

    @BeforeAll
    void history() {
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        f = new CurrencyFixture(fixtures, campaigns, facts, jdbc, admin);
        dollarRep = ApiClient.as(port, f.dollarRep, LeadFixtures.PASSWORD);
    }

    @Test
    void thePipelineConvertsEachAmountAtTheRateOfItsMonthAndKeepsTheOriginalsBeside() {
        JsonNode pipeline = ok(admin, "/api/reports/pipeline?" + CurrencyFixture.PERIOD);

        assertThat(pipeline.path("reportingCurrency").asText()).isEqualTo("EUR");
        assertThat(stages(pipeline.path("total"))).containsExactly("PROPOSAL GBP 1 1000.00",
                "PROPOSAL USD 1 20000.00", "WON EUR 1 10000.00", "WON GBP 1 5000.00", "WON USD 2 98000.00");
        assertThat(converted(pipeline.path("total"))).containsExactly("PROPOSAL EUR 2 17400.00",
                "WON EUR 4 83650.00 without a rate: GBP 5000.00");
    }

    @Test
    void aGroupedPipelineConvertsEveryGroup() {
        JsonNode groups = ok(admin, "/api/reports/pipeline?groupBy=partner&" + CurrencyFixture.PERIOD).path("groups");

        assertThat(converted(group(groups, f.euro))).containsExactly("WON EUR 2 10000.00 without a rate: GBP 5000.00");
        assertThat(converted(group(groups, f.dollar))).containsExactly("PROPOSAL EUR 2 17400.00",
                "WON EUR 2 73650.00");
    }

    @Test
    void aCampaignsWinsInOtherCurrenciesCountInItsConvertedRoi() {
        JsonNode rows = ok(admin, "/api/reports/campaigns?" + CurrencyFixture.PERIOD).path("campaigns");

        JsonNode autumn = row(rows, f.autumn);
        assertDecimal(autumn.path("wonValue"), "10000.00");
        assertDecimal(autumn.path("roi"), "4.000");
        JsonNode converted = autumn.path("converted");
        assertThat(converted.path("currency").asText()).isEqualTo("EUR");
        assertDecimal(converted.path("cost"), "2000.00");
        assertDecimal(converted.path("wonValue"), "81250.00");
        assertThat(converted.path("wonValueWithoutRate").get(0).path("currency").asText()).isEqualTo("GBP");
        assertDecimal(converted.path("wonValueWithoutRate").get(0).path("amount"), "5000.00");
        assertThat(converted.has("roi")).as("no ROI while a won amount has no rate").isFalse();

        JsonNode states = row(rows, f.states).path("converted");
        assertDecimal(states.path("cost"), "800.00");
        assertDecimal(states.path("wonValue"), "2400.00");
        assertDecimal(states.path("costPerLead"), "400.00");
        assertDecimal(states.path("roi"), "2.000");
        assertThat(states.path("wonValueWithoutRate")).isEmpty();

        JsonNode pounds = row(rows, f.pounds).path("converted");
        assertThat(pounds.path("costWithoutRate").asBoolean()).isTrue();
        assertThat(pounds.has("cost")).isFalse();
        assertThat(pounds.has("roi")).isFalse();
    }

    @Test
    void aPartnerThatWonDollarsSeesItsRoiInEuros() {
        JsonNode autumn = row(ok(dollarRep, "/api/reports/campaigns?" + CurrencyFixture.PERIOD).path("campaigns"),
                f.autumn);

        assertDecimal(autumn.path("wonValue"), "0.00");
        assertDecimal(autumn.path("roi"), "-1.000");
        assertDecimal(autumn.path("converted").path("wonValue"), "71250.00");
        assertDecimal(autumn.path("converted").path("roi"), "34.625");
    }

    @Test
    void theScorecardAndTheCsvCarryTheConvertedFigures() {
        JsonNode card = ok(dollarRep, "/api/reports/partners/" + f.dollar + "?" + CurrencyFixture.PERIOD);
        assertThat(converted(card.path("pipeline"))).containsExactly("PROPOSAL EUR 2 17400.00", "WON EUR 2 73650.00");

        List<Map<String, String>> lines = CsvRows.parse(dollarRep.get("/api/reports/partners/" + f.dollar + "?"
                + CurrencyFixture.PERIOD, "text/csv").body()).maps();
        assertThat(lines).contains(line("pipeline", "WON EUR", "converted_value", "73650.00"),
                line("campaigns", f.autumn, "converted_roi", "34.625"));

        List<Map<String, String>> campaignsCsv = CsvRows.parse(admin.get("/api/reports/campaigns?"
                + CurrencyFixture.PERIOD, "text/csv").body()).maps();
        Map<String, String> autumn = campaignsCsv.stream().filter(r -> r.get("campaign").equals(f.autumn))
                .findFirst().orElseThrow();
        assertThat(autumn).containsEntry("reporting_currency", "EUR").containsEntry("converted_won_value", "81250.00")
                .containsEntry("won_value_without_rate", "GBP 5000.00").containsEntry("converted_roi", "");
    }

    @Test
    void aRateAddedLaterBringsTheAmountIntoTheTotal() {
        admin.put("/api/exchange-rates/GBP/2005-02", Map.of("rate", 1.5));
        try {
            JsonNode total = ok(admin, "/api/reports/pipeline?" + CurrencyFixture.PERIOD).path("total");
            assertThat(converted(total)).as("GBP 5000 at 1.50").containsExactly("PROPOSAL EUR 2 17400.00",
                    "WON EUR 4 91150.00");
            JsonNode autumn = row(ok(admin, "/api/reports/campaigns?" + CurrencyFixture.PERIOD).path("campaigns"),
                    f.autumn).path("converted");
            assertDecimal(autumn.path("roi"), "43.375"); // (81250 + 7500 - 2000) / 2000
        } finally {
            assertThat(admin.delete("/api/exchange-rates/GBP/2005-02").status()).isEqualTo(204);
        }
    }

    private static JsonNode group(JsonNode groups, String key) {
        return StreamSupport.stream(groups.spliterator(), false).filter(g -> g.path("key").asText().equals(key))
                .findFirst().orElseThrow();
    }

    private static JsonNode row(JsonNode rows, String campaign) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.path("campaign").asText().equals(campaign)).findFirst().orElseThrow();
    }
}

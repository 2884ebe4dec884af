package io.leadbridge.reporting;

import static io.leadbridge.reporting.ReportAssertions.assertCampaign;
import static io.leadbridge.reporting.ReportAssertions.assertDecimal;
import static io.leadbridge.reporting.ReportAssertions.assertFunnel;
import static io.leadbridge.reporting.ReportAssertions.assertHours;
import static io.leadbridge.reporting.ReportAssertions.assertSla;
import static io.leadbridge.reporting.ReportAssertions.converted;
import static io.leadbridge.reporting.ReportAssertions.counts;
import static io.leadbridge.reporting.ReportAssertions.keysAndLeads;
import static io.leadbridge.reporting.ReportAssertions.ok;
import static io.leadbridge.reporting.ReportAssertions.stages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.CsvRows;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports' SQL on PostgreSQL, against the same hand counts as on H2: percentiles, epoch
 * arithmetic on {@code timestamp with time zone}, sums of numeric, and the lead list streamed in
 * batches inside a read-only transaction. A partner CRM's credential gets its own partner's figures.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired Campaigns campaigns;
    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;

    private ReportFixture f;
    private ApiClient admin;
    private ApiClient alphaCrm;

    @BeforeAll
    void history() {
        f = new ReportFixture(fixtures, campaigns, facts, jdbc);
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        JsonNode credential = admin.post("/api/partners/" + f.alpha + "/credentials", Map.of("label", "CRM")).json();
        alphaCrm = ApiClient.as(port, credential.path("clientId").asText(), credential.path("secret").asText());
    }

    @Test
    void pipelineAndFunnel() {
        JsonNode total = ok(admin, "/api/reports/pipeline?" + ReportFixture.PERIOD).path("total");
        assertThat(total.path("leads").asLong()).isEqualTo(9);
        assertThat(stages(total)).containsExactly("PROPOSAL EUR 1 5000.00", "WON EUR 1 12000.00", "WON USD 1 9000.00");
        assertThat(keysAndLeads(ok(admin, "/api/reports/pipeline?groupBy=tier&" + ReportFixture.PERIOD).path("groups")))
                .containsExactly("GOLD 4", "SILVER 2", "- 3");

        assertFunnel(ok(admin, "/api/reports/funnel?" + ReportFixture.PERIOD).path("steps"),
                new long[] {9, 8, 7, 6, 5, 3, 2},
                new String[] {"0.889", "0.875", "0.857", "0.833", "0.600", "0.667"},
                new String[] {"0.889", "0.778", "0.667", "0.556", "0.333", "0.222"});
        assertThat(counts(ok(admin, "/api/reports/funnel?tier=GOLD&" + ReportFixture.PERIOD)))
                .containsExactly(6L, 6L, 6L, 4L, 3L, 1L, 1L);
    }

    @Test
    void slaWithPercentiles() {
        JsonNode sla = ok(admin, "/api/reports/sla?" + ReportFixture.PERIOD);
        JsonNode alpha = sla.path("rows").get(0);
        assertSla(alpha, "offers 5, answered 3, accepted 2, acceptedInTime 2, declined 0, acceptSlaMissed 1, "
                + "openOffers 1, contactedInTime 2, contactSlaMissed 0, withdrawals 1", "0.667", "1.000");
        assertHours(alpha.path("hoursToAccept"), "4.00", "5.60");
        assertHours(alpha.path("hoursToFirstContact"), "17.50", "27.50");
        assertHours(alpha.path("hoursToClose"), "134.00", "217.20");
        assertSla(sla.path("rows").get(2), "offers 2, answered 2, accepted 2, acceptedInTime 2, declined 0, "
                + "acceptSlaMissed 0, openOffers 0, contactedInTime 1, contactSlaMissed 1, withdrawals 1", "1.000", "0.500");
        JsonNode total = sla.path("total");
        assertSla(total, "offers 10, answered 8, accepted 6, acceptedInTime 5, declined 1, acceptSlaMissed 1, "
                + "openOffers 1, contactedInTime 5, contactSlaMissed 1, withdrawals 2", "0.625", "0.833");
        assertHours(total.path("hoursToAccept"), "3.50", "18.00");
        assertHours(total.path("hoursToFirstContact"), "5.00", "27.60");
        assertHours(total.path("hoursToClose"), "210.00", "232.40");
        assertHours(ok(admin, "/api/reports/sla?groupBy=tier&" + ReportFixture.PERIOD).path("rows").get(1)
                .path("hoursToAccept"), "2.50", "5.10");
    }

    @Test
    void slaWeekByWeekCountsWeeksFromTheMondayBeforeThePeriodInUtc() {
        JsonNode weeks = ok(admin, "/api/reports/sla/weekly?" + ReportFixture.PERIOD).path("weeks");

        assertThat(weeks.findValuesAsText("week"))
                .containsExactly("2003-02-24", "2003-03-03", "2003-03-10", "2003-03-17", "2003-03-24", "2003-03-31");
        assertThat(weeks.findValuesAsText("offers")).containsExactly("3", "5", "2", "0", "0", "0");
        assertSla(weeks.get(1), "offers 5, answered 4, accepted 3, acceptedInTime 2, contactedInTime 2, "
                + "contactSlaMissed 1, withdrawals 1", "0.500", "0.667");
        assertHours(weeks.get(0).path("hoursToAccept"), "3.00", "3.80");
        assertThat(ok(alphaCrm, "/api/reports/sla/weekly?" + ReportFixture.PERIOD).path("weeks")
                .findValuesAsText("offers")).containsExactly("2", "2", "1", "0", "0", "0");
    }

    @Test
    void campaignsAndScorecard() {
        JsonNode rows = ok(admin, "/api/reports/campaigns?" + ReportFixture.PERIOD).path("campaigns");
        assertThat(rows).hasSize(3);
        assertCampaign(rows.get(0), "leads 4, followedUp 3, won 1, lost 1, pending 1, notPursued 1");
        assertDecimal(rows.get(0).path("wonValueOtherCurrencies").get(0).path("amount"), "9000.00");
        assertDecimal(rows.get(0).path("roi"), "-1.000");
        assertHours(rows.get(0).path("hoursToClose"), "138.00", "219.60");
        assertCampaign(rows.get(1), "leads 4, followedUp 2, won 1, lost 0, pending 3, notPursued 0");
        assertDecimal(rows.get(1).path("wonValue"), "12000.00");
        assertDecimal(rows.get(1).path("roi"), "11.000");

        JsonNode card = ok(admin, "/api/reports/partners/" + f.alpha + "?" + ReportFixture.PERIOD);
        assertThat(card.path("standing").path("standing").asText()).isEqualTo("WARNED");
        assertThat(card.path("strikes").path("total").asLong()).isEqualTo(1);
        assertThat(counts(card.path("funnel"))).containsExactly(5L, 5L, 5L, 2L, 2L, 1L, 1L);
    }

    @Test
    void aPartnerCrmGetsItsOwnFiguresAndItsOwnLeadsAsCsv() {
        assertThat(ok(alphaCrm, "/api/reports/sla?" + ReportFixture.PERIOD).path("rows")).hasSize(1);
        assertThat(ok(alphaCrm, "/api/reports/pipeline?" + ReportFixture.PERIOD).path("total").path("leads").asLong())
                .isEqualTo(3);
        assertThat(alphaCrm.get("/api/reports/funnel?partner=" + f.beta + "&" + ReportFixture.PERIOD).status())
                .isEqualTo(403);
        assertThat(alphaCrm.get("/api/reports/partners/" + f.gamma).status()).isEqualTo(403);

        ApiClient.Response csv = alphaCrm.get("/api/leads", "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(CsvRows.parse(csv.body()).rows()).extracting(row -> Long.parseLong(row.get(0)))
                .containsExactly(f.id("L9"), f.id("L8"), f.id("L4"), f.id("L1"));
        assertThat(alphaCrm.get("/api/leads?partner=" + f.beta + "&format=csv").status()).isEqualTo(403);
    }

    @Test
    void moneyInOneCurrencyAsOnH2() {
        CurrencyFixture money = new CurrencyFixture(fixtures, campaigns, facts, jdbc, admin);
        assertThat(admin.postCsv("/api/exchange-rates", "currency,month,rate\nUSD,2005-01,0.80\nUSD,2005-02,0.75\n")
                .status()).as("an upload of rates already stored updates them in place").isEqualTo(200);

        JsonNode total = ok(admin, "/api/reports/pipeline?" + CurrencyFixture.PERIOD).path("total");
        assertThat(converted(total)).containsExactly("PROPOSAL EUR 2 17400.00",
                "WON EUR 4 83650.00 without a rate: GBP 5000.00");
        JsonNode rows = ok(admin, "/api/reports/campaigns?campaign=" + money.states + "&" + CurrencyFixture.PERIOD)
                .path("campaigns");
        assertDecimal(rows.get(0).path("converted").path("cost"), "800.00");
        assertDecimal(rows.get(0).path("converted").path("roi"), "2.000");
        JsonNode autumn = ok(admin, "/api/reports/campaigns?partner=" + money.dollar + "&campaign=" + money.autumn
                + "&" + CurrencyFixture.PERIOD).path("campaigns").get(0);
        assertDecimal(autumn.path("converted").path("wonValue"), "71250.00");
        assertDecimal(autumn.path("converted").path("roi"), "34.625");
    }
}

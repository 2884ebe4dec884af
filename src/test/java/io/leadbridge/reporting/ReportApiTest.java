package io.leadbridge.reporting;

import static io.leadbridge.reporting.ReportAssertions.assertCampaign;
import static io.leadbridge.reporting.ReportAssertions.assertCsvFile;
import static io.leadbridge.reporting.ReportAssertions.assertDecimal;
import static io.leadbridge.reporting.ReportAssertions.assertFunnel;
import static io.leadbridge.reporting.ReportAssertions.assertHours;
import static io.leadbridge.reporting.ReportAssertions.assertSla;
import static io.leadbridge.reporting.ReportAssertions.badRequestFields;
import static io.leadbridge.reporting.ReportAssertions.counts;
import static io.leadbridge.reporting.ReportAssertions.keysAndLeads;
import static io.leadbridge.reporting.ReportAssertions.line;
import static io.leadbridge.reporting.ReportAssertions.ok;
import static io.leadbridge.reporting.ReportAssertions.stages;
import static io.leadbridge.reporting.ReportAssertions.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.CsvRows;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every report over HTTP against the hand counts of {@link ReportFixture} (March 2003), as a
 * channel manager and as partner reps: JSON figure by figure, CSV parsed, the partner restriction,
 * and the 400s of bad filters.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired Campaigns campaigns;
    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;

    private ReportFixture f;
    private ApiClient admin;
    private ApiClient alphaRep;
    private ApiClient betaRep;

    @BeforeAll
    void history() {
        f = new ReportFixture(fixtures, campaigns, facts, jdbc);
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        alphaRep = ApiClient.as(port, f.alphaRep, LeadFixtures.PASSWORD);
        betaRep = ApiClient.as(port, f.betaRep, LeadFixtures.PASSWORD);
    }

    // --- pipeline ---------------------------------------------------------------------------

    @Test
    void thePipelineCountsTheLeadsOfThePeriodByStatusAndTheirOpportunitiesByStageAndCurrency() {
        JsonNode pipeline = ok(admin, "/api/reports/pipeline?" + ReportFixture.PERIOD);

        assertThat(pipeline.path("period").path("from").asText()).isEqualTo("2003-03-01T00:00:00Z");
        assertThat(pipeline.path("period").path("to").asText()).isEqualTo("2003-04-01T00:00:00Z");
        assertThat(pipeline.has("groups")).isFalse();
        JsonNode total = pipeline.path("total");
        assertThat(total.path("leads").asLong()).isEqualTo(9);
        assertThat(statuses(total)).containsExactly(Map.entry("OFFERED", 1L), Map.entry("CONTACTED", 1L),
                Map.entry("OPPORTUNITY", 1L), Map.entry("WON", 2L), Map.entry("LOST", 1L),
                Map.entry("UNASSIGNED", 1L), Map.entry("INSIDE_SALES", 1L), Map.entry("DISQUALIFIED", 1L));
        assertThat(stages(total)).containsExactly("PROPOSAL EUR 1 5000.00", "WON EUR 1 12000.00", "WON USD 1 9000.00");
    }

    @Test
    void thePipelineGroupsByTheHoldingPartnerItsTierOrTheAccountsRegion() {
        JsonNode byPartner = ok(admin, "/api/reports/pipeline?groupBy=partner&" + ReportFixture.PERIOD);
        assertThat(byPartner.path("groupBy").asText()).isEqualTo("partner");
        JsonNode groups = byPartner.path("groups");
        assertThat(groups).hasSize(4);
        assertThat(groups.get(0).path("key").asText()).isEqualTo(f.alpha);
        assertThat(groups.get(0).path("leads").asLong()).isEqualTo(3);
        assertThat(statuses(groups.get(0))).containsExactly(Map.entry("OFFERED", 1L), Map.entry("WON", 1L),
                Map.entry("LOST", 1L));
        assertThat(stages(groups.get(0))).containsExactly("WON EUR 1 12000.00");
        assertThat(groups.get(1).path("key").asText()).isEqualTo(f.beta);
        assertThat(statuses(groups.get(1))).containsExactly(Map.entry("OPPORTUNITY", 1L), Map.entry("WON", 1L));
        assertThat(stages(groups.get(1))).containsExactly("PROPOSAL EUR 1 5000.00", "WON USD 1 9000.00");
        assertThat(groups.get(2).path("key").asText()).isEqualTo(f.gamma);
        assertThat(statuses(groups.get(2))).containsExactly(Map.entry("CONTACTED", 1L));
        assertThat(groups.get(3).has("key")).as("leads no partner holds").isFalse();
        assertThat(statuses(groups.get(3))).containsExactly(Map.entry("UNASSIGNED", 1L),
                Map.entry("INSIDE_SALES", 1L), Map.entry("DISQUALIFIED", 1L));
        assertThat(byPartner.path("total").path("leads").asLong()).isEqualTo(9);

        JsonNode byTier = ok(admin, "/api/reports/pipeline?groupBy=tier&" + ReportFixture.PERIOD).path("groups");
        assertThat(keysAndLeads(byTier)).containsExactly("GOLD 4", "SILVER 2", "- 3");

        JsonNode byRegion = ok(admin, "/api/reports/pipeline?groupBy=region&" + ReportFixture.PERIOD).path("groups");
        assertThat(keysAndLeads(byRegion)).containsExactly("US-CA 4", "US-NY 2", "- 3");

        JsonNode byCampaign = ok(admin, "/api/reports/pipeline?groupBy=campaign&" + ReportFixture.PERIOD).path("groups");
        assertThat(keysAndLeads(byCampaign)).containsExactly(f.fair + " 4", f.spring + " 4", "- 1");
    }

    @Test
    void thePipelineFiltersCombine() {
        assertThat(ok(admin, "/api/reports/pipeline?segment=SMB&" + ReportFixture.PERIOD).path("total").path("leads")
                .asLong()).isEqualTo(5);
        assertThat(ok(admin, "/api/reports/pipeline?country=DE&" + ReportFixture.PERIOD).path("total").path("leads")
                .asLong()).isEqualTo(2);
        assertThat(ok(admin, "/api/reports/pipeline?industry=Retail&product=Cloud%20Platform&" + ReportFixture.PERIOD)
                .path("total").path("leads").asLong()).as("L1, L4, L6, L7, L8").isEqualTo(5);
        JsonNode springOfAlpha = ok(admin, "/api/reports/pipeline?campaign=" + f.spring + "&partner=" + f.alpha + "&"
                + ReportFixture.PERIOD).path("total");
        assertThat(statuses(springOfAlpha)).containsExactly(Map.entry("OFFERED", 1L), Map.entry("WON", 1L));
        JsonNode silver = ok(admin, "/api/reports/pipeline?tier=SILVER&" + ReportFixture.PERIOD).path("total");
        assertThat(stages(silver)).containsExactly("PROPOSAL EUR 1 5000.00", "WON USD 1 9000.00");
        assertThat(ok(admin, "/api/reports/pipeline?from=2003-03-02&to=2003-03-05").path("total").path("leads").asLong())
                .as("L2, L3, L4 were received from 2 to 5 March; 'to' includes its day").isEqualTo(3);
    }

    @Test
    void thePipelineAsCsvHasOneLinePerGroupStatusStageAndCurrency() {
        ApiClient.Response csv = admin.get("/api/reports/pipeline?groupBy=partner&" + ReportFixture.PERIOD, "text/csv");

        assertCsvFile(csv, "pipeline_2003-03-01_2003-03-31.csv");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.header()).containsExactly("partner", "status", "stage", "currency", "leads", "opportunities",
                "value");
        assertThat(rows.rows()).containsExactly(
                List.of(f.alpha, "OFFERED", "", "", "1", "0", ""),
                List.of(f.alpha, "WON", "WON", "EUR", "1", "1", "12000.00"),
                List.of(f.alpha, "LOST", "", "", "1", "0", ""),
                List.of(f.beta, "OPPORTUNITY", "PROPOSAL", "EUR", "1", "1", "5000.00"),
                List.of(f.beta, "WON", "WON", "USD", "1", "1", "9000.00"),
                List.of(f.gamma, "CONTACTED", "", "", "1", "0", ""),
                List.of("", "UNASSIGNED", "", "", "1", "0", ""),
                List.of("", "INSIDE_SALES", "", "", "1", "0", ""),
                List.of("", "DISQUALIFIED", "", "", "1", "0", ""));
    }

    // --- funnel -----------------------------------------------------------------------------

    @Test
    void theFunnelCountsHowFarTheLeadsGotAndTheConversionFromStepToStep() {
        JsonNode funnel = ok(admin, "/api/reports/funnel?" + ReportFixture.PERIOD);

        assertThat(funnel.has("partner")).isFalse();
        assertFunnel(funnel.path("steps"), new long[] {9, 8, 7, 6, 5, 3, 2},
                new String[] {"0.889", "0.875", "0.857", "0.833", "0.600", "0.667"},
                new String[] {"0.889", "0.778", "0.667", "0.556", "0.333", "0.222"});
        assertThat(funnel.path("steps").get(0).has("fromPrevious")).isFalse();
    }

    @Test
    void aPartnersFunnelStartsAtTheLeadsOfferedToItAndCountsWhatItDidWithThem() {
        assertFunnel(ok(admin, "/api/reports/funnel?partner=" + f.alpha + "&" + ReportFixture.PERIOD).path("steps"),
                new long[] {5, 5, 5, 2, 2, 1, 1},
                new String[] {"1.000", "1.000", "0.400", "1.000", "0.500", "1.000"},
                new String[] {"1.000", "1.000", "0.400", "0.400", "0.200", "0.200"});
        assertThat(counts(ok(admin, "/api/reports/funnel?partner=" + f.beta + "&" + ReportFixture.PERIOD)))
                .containsExactly(3L, 3L, 3L, 2L, 2L, 2L, 1L);
        assertThat(counts(ok(admin, "/api/reports/funnel?partner=" + f.gamma + "&" + ReportFixture.PERIOD)))
                .containsExactly(2L, 2L, 2L, 2L, 1L, 0L, 0L);
        assertThat(counts(ok(admin, "/api/reports/funnel?tier=GOLD&" + ReportFixture.PERIOD)))
                .containsExactly(6L, 6L, 6L, 4L, 3L, 1L, 1L);
        assertThat(counts(ok(admin, "/api/reports/funnel?campaign=" + f.spring + "&" + ReportFixture.PERIOD)))
                .containsExactly(4L, 4L, 4L, 3L, 2L, 2L, 1L);
    }

    @Test
    void theFunnelAsCsv() {
        ApiClient.Response csv = admin.get("/api/reports/funnel?format=csv&" + ReportFixture.PERIOD);

        assertCsvFile(csv, "funnel_2003-03-01_2003-03-31.csv");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.header()).containsExactly("step", "leads", "conversion_from_previous",
                "conversion_from_received");
        assertThat(rows.rows()).containsExactly(
                List.of("RECEIVED", "9", "", ""),
                List.of("QUALIFIED", "8", "0.889", "0.889"),
                List.of("OFFERED", "7", "0.875", "0.778"),
                List.of("ACCEPTED", "6", "0.857", "0.667"),
                List.of("CONTACTED", "5", "0.833", "0.556"),
                List.of("OPPORTUNITY", "3", "0.600", "0.333"),
                List.of("WON", "2", "0.667", "0.222"));
    }

    // --- SLA --------------------------------------------------------------------------------

    @Test
    void theSlaReportCountsOffersAcceptedAndLeadsContactedInTimeAndWithdrawalsByPartner() {
        JsonNode sla = ok(admin, "/api/reports/sla?" + ReportFixture.PERIOD);

        assertThat(sla.path("groupBy").asText()).isEqualTo("partner");
        JsonNode rows = sla.path("rows");
        assertThat(rows).hasSize(3);
        JsonNode alpha = rows.get(0);
        assertThat(alpha.path("partnerId").asText()).isEqualTo(f.alpha);
        assertThat(alpha.path("name").asText()).isEqualTo("alpha Inc.");
        assertThat(alpha.path("tier").asText()).isEqualTo("GOLD");
        assertSla(alpha, "offers 5, answered 3, accepted 2, acceptedInTime 2, declined 0, acceptSlaMissed 1, "
                + "openOffers 1, contactedInTime 2, contactSlaMissed 0, withdrawals 1", "0.667", "1.000");
        assertHours(alpha.path("hoursToAccept"), "4.00", "5.60");
        assertHours(alpha.path("hoursToFirstContact"), "17.50", "27.50");
        assertHours(alpha.path("hoursToClose"), "134.00", "217.20");

        JsonNode beta = rows.get(1);
        assertThat(beta.path("partnerId").asText()).isEqualTo(f.beta);
        assertSla(beta, "offers 3, answered 3, accepted 2, acceptedInTime 1, declined 1, acceptSlaMissed 0, "
                + "openOffers 0, contactedInTime 2, contactSlaMissed 0, withdrawals 0", "0.333", "1.000");
        assertHours(beta.path("hoursToAccept"), "17.00", "27.40");
        assertHours(beta.path("hoursToFirstContact"), "13.00", "21.80");
        assertHours(beta.path("hoursToClose"), "210.00", "210.00");

        JsonNode gamma = rows.get(2);
        assertThat(gamma.path("partnerId").asText()).isEqualTo(f.gamma);
        assertSla(gamma, "offers 2, answered 2, accepted 2, acceptedInTime 2, declined 0, acceptSlaMissed 0, "
                + "openOffers 0, contactedInTime 1, contactSlaMissed 1, withdrawals 1", "1.000", "0.500");
        assertHours(gamma.path("hoursToAccept"), "2.00", "2.80");
        assertHours(gamma.path("hoursToFirstContact"), "4.00", "4.00");
        assertThat(gamma.has("hoursToClose")).as("gamma closed nothing").isFalse();

        JsonNode total = sla.path("total");
        assertThat(total.has("partnerId")).isFalse();
        assertSla(total, "offers 10, answered 8, accepted 6, acceptedInTime 5, declined 1, acceptSlaMissed 1, "
                + "openOffers 1, contactedInTime 5, contactSlaMissed 1, withdrawals 2", "0.625", "0.833");
        assertHours(total.path("hoursToAccept"), "3.50", "18.00");
        assertHours(total.path("hoursToFirstContact"), "5.00", "27.60");
        assertHours(total.path("hoursToClose"), "210.00", "232.40");
    }

    @Test
    void theSlaReportGroupsByTier() {
        JsonNode rows = ok(admin, "/api/reports/sla?groupBy=tier&" + ReportFixture.PERIOD).path("rows");

        assertThat(rows).hasSize(2);
        JsonNode silver = rows.get(0);
        assertThat(silver.path("tier").asText()).isEqualTo("SILVER");
        assertThat(silver.has("partnerId")).isFalse();
        assertSla(silver, "offers 3, answered 3, accepted 2, acceptedInTime 1, declined 1, acceptSlaMissed 0, "
                + "openOffers 0, contactedInTime 2, contactSlaMissed 0, withdrawals 0", "0.333", "1.000");
        JsonNode gold = rows.get(1);
        assertThat(gold.path("tier").asText()).isEqualTo("GOLD");
        assertSla(gold, "offers 7, answered 5, accepted 4, acceptedInTime 4, declined 0, acceptSlaMissed 1, "
                + "openOffers 1, contactedInTime 3, contactSlaMissed 1, withdrawals 2", "0.800", "0.750");
        assertHours(gold.path("hoursToAccept"), "2.50", "5.10");
        assertHours(gold.path("hoursToFirstContact"), "5.00", "25.00");
        assertHours(gold.path("hoursToClose"), "134.00", "217.20");
    }

    @Test
    void theSlaReportAsCsv() {
        ApiClient.Response csv = admin.get("/api/reports/sla?" + ReportFixture.PERIOD, "text/csv");

        assertCsvFile(csv, "sla_2003-03-01_2003-03-31.csv");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.header()).startsWith("partner", "name", "tier", "offers").contains("median_hours_to_close");
        assertThat(rows.rows()).hasSize(3);
        Map<String, String> gamma = rows.row("partner", f.gamma);
        assertThat(gamma).containsEntry("name", "gamma Inc.").containsEntry("tier", "GOLD")
                .containsEntry("offers", "2").containsEntry("contacted_in_time_share", "0.500")
                .containsEntry("withdrawals", "1").containsEntry("p90_hours_to_accept", "2.80")
                .containsEntry("median_hours_to_close", "");
        assertThat(rows.row("partner", f.alpha)).containsEntry("accepted_in_time_share", "0.667")
                .containsEntry("p90_hours_to_close", "217.20");
    }

    @Test
    void theWeeklySlaReportCountsTheOffersOfEachWeeksLeadsFromTheMondayBeforeThePeriod() {
        JsonNode weekly = ok(admin, "/api/reports/sla/weekly?" + ReportFixture.PERIOD);

        assertThat(weekly.path("period").path("from").asText()).isEqualTo("2003-03-01T00:00:00Z");
        JsonNode weeks = weekly.path("weeks");
        assertThat(weeks.findValuesAsText("week")).as("1 March 2003 is a Saturday")
                .containsExactly("2003-02-24", "2003-03-03", "2003-03-10", "2003-03-17", "2003-03-24", "2003-03-31");
        // L1, L2 (alpha's missed SLA, then beta)
        assertSla(weeks.get(0), "offers 3, answered 3, accepted 2, acceptedInTime 2, declined 0, acceptSlaMissed 1, "
                + "openOffers 0, contactedInTime 2, contactSlaMissed 0, withdrawals 1", "0.667", "1.000");
        assertHours(weeks.get(0).path("hoursToAccept"), "3.00", "3.80");
        // L3 (beta declined, gamma missed the contact SLA), L4, L5 (accepted 6 hours late), L8 (open)
        assertSla(weeks.get(1), "offers 5, answered 4, accepted 3, acceptedInTime 2, declined 1, acceptSlaMissed 0, "
                + "openOffers 1, contactedInTime 2, contactSlaMissed 1, withdrawals 1", "0.500", "0.667");
        // L10: the open competition alpha lost is not held against it
        assertSla(weeks.get(2), "offers 2, answered 1, accepted 1, acceptedInTime 1, declined 0, acceptSlaMissed 0, "
                + "openOffers 0, contactedInTime 1, contactSlaMissed 0, withdrawals 0", "1.000", "1.000");
        for (JsonNode quiet : List.of(weeks.get(3), weeks.get(4), weeks.get(5))) {
            assertThat(quiet.path("offers").asLong()).isZero();
            assertThat(quiet.has("acceptedInTimeShare")).isFalse();
            assertThat(quiet.has("hoursToAccept")).isFalse();
        }
    }

    @Test
    void theWeeklySlaReportOfAPartnerRepIsItsOwnPartners() {
        JsonNode weekly = ok(alphaRep, "/api/reports/sla/weekly?" + ReportFixture.PERIOD);

        assertThat(weekly.path("partner").asText()).isEqualTo(f.alpha);
        JsonNode weeks = weekly.path("weeks");
        assertSla(weeks.get(0), "offers 2, answered 2, accepted 1, acceptedInTime 1, acceptSlaMissed 1, withdrawals 1",
                "0.500", "1.000");
        assertThat(weeks.get(1).path("offers").asLong()).as("L4, L8").isEqualTo(2);
        assertThat(weeks.get(2).path("offers").asLong()).isEqualTo(1);
        assertThat(weeks.get(2).has("acceptedInTimeShare")).as("a lost competition is no answer").isFalse();
        assertThat(alphaRep.get("/api/reports/sla/weekly?partner=" + f.beta + "&" + ReportFixture.PERIOD).status())
                .isEqualTo(403);
        assertThat(ok(admin, "/api/reports/sla/weekly?tier=SILVER&" + ReportFixture.PERIOD).path("weeks")
                .findValuesAsText("offers")).containsExactly("1", "2", "0", "0", "0", "0");
    }

    @Test
    void theWeeklySlaReportAsCsvHasOneLinePerWeek() {
        ApiClient.Response csv = admin.get("/api/reports/sla/weekly?format=csv&" + ReportFixture.PERIOD);

        assertCsvFile(csv, "sla_weekly_2003-03-01_2003-03-31.csv");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.header()).startsWith("week", "offers", "answered").contains("median_hours_to_close");
        assertThat(rows.rows()).hasSize(6);
        assertThat(rows.row("week", "2003-03-03")).containsEntry("offers", "5").containsEntry("declined", "1")
                .containsEntry("accepted_in_time_share", "0.500").containsEntry("contacted_in_time_share", "0.667");
        assertThat(rows.row("week", "2003-03-24")).containsEntry("offers", "0")
                .containsEntry("accepted_in_time_share", "").containsEntry("median_hours_to_accept", "");
    }

    // --- campaigns --------------------------------------------------------------------------

    @Test
    void theCampaignReportSetsWhatEachCampaignWonAgainstWhatItCost() {
        JsonNode rows = ok(admin, "/api/reports/campaigns?" + ReportFixture.PERIOD).path("campaigns");

        assertThat(rows).hasSize(3);
        JsonNode fair = rows.get(0);
        assertThat(fair.path("campaign").asText()).isEqualTo(f.fair);
        assertThat(fair.path("name").asText()).isEqualTo("Trade fair Hannover");
        assertThat(fair.path("channel").asText()).isEqualTo("trade show");
        assertThat(fair.path("currency").asText()).as("the reporting currency, by default").isEqualTo("EUR");
        assertDecimal(fair.path("cost"), "500.00");
        assertCampaign(fair, "leads 4, followedUp 3, won 1, lost 1, pending 1, notPursued 1");
        assertDecimal(fair.path("wonValue"), "0.00");
        assertThat(fair.path("wonValueOtherCurrencies")).hasSize(1);
        assertThat(fair.path("wonValueOtherCurrencies").get(0).path("currency").asText()).isEqualTo("USD");
        assertDecimal(fair.path("wonValueOtherCurrencies").get(0).path("amount"), "9000.00");
        assertDecimal(fair.path("costPerLead"), "125.00");
        assertDecimal(fair.path("roi"), "-1.000");
        assertHours(fair.path("hoursToClose"), "138.00", "219.60");

        JsonNode spring = rows.get(1);
        assertThat(spring.path("campaign").asText()).isEqualTo(f.spring);
        assertThat(spring.path("channel").asText()).isEqualTo("webinar");
        assertCampaign(spring, "leads 4, followedUp 2, won 1, lost 0, pending 3, notPursued 0");
        assertDecimal(spring.path("cost"), "1000.00");
        assertDecimal(spring.path("wonValue"), "12000.00");
        assertThat(spring.path("wonValueOtherCurrencies")).isEmpty();
        assertDecimal(spring.path("costPerLead"), "250.00");
        assertDecimal(spring.path("roi"), "11.000");
        assertHours(spring.path("hoursToClose"), "240.00", "240.00");

        JsonNode none = rows.get(2);
        assertThat(none.has("campaign")).as("leads without a campaign").isFalse();
        assertCampaign(none, "leads 1, followedUp 0, won 0, lost 0, pending 1, notPursued 0");
        assertThat(none.has("cost")).isFalse();
        assertThat(none.has("roi")).isFalse();
        assertThat(none.has("costPerLead")).isFalse();
    }

    @Test
    void theCampaignReportOfOnePartnerCountsTheLeadsItHolds() {
        JsonNode rows = ok(admin, "/api/reports/campaigns?partner=" + f.alpha + "&" + ReportFixture.PERIOD)
                .path("campaigns");

        assertThat(rows).hasSize(2);
        assertCampaign(rows.get(0), "leads 1, followedUp 1, won 0, lost 1, pending 0, notPursued 0");
        assertDecimal(rows.get(0).path("costPerLead"), "500.00");
        assertCampaign(rows.get(1), "leads 2, followedUp 1, won 1, lost 0, pending 1, notPursued 0");
        assertDecimal(rows.get(1).path("wonValue"), "12000.00");
        assertDecimal(rows.get(1).path("costPerLead"), "500.00");
        assertDecimal(rows.get(1).path("roi"), "11.000");
    }

    @Test
    void theCampaignReportAsCsv() {
        ApiClient.Response csv = admin.get("/api/reports/campaigns?format=csv&" + ReportFixture.PERIOD);

        assertCsvFile(csv, "campaigns_2003-03-01_2003-03-31.csv");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.rows()).hasSize(3);
        assertThat(rows.row("campaign", f.fair)).containsEntry("name", "Trade fair Hannover")
                .containsEntry("leads", "4").containsEntry("won_value", "0.00")
                .containsEntry("won_value_other_currencies", "USD 9000.00").containsEntry("roi", "-1.000")
                .containsEntry("median_hours_to_close", "138.00");
        assertThat(rows.row("campaign", f.spring)).containsEntry("cost", "1000.00").containsEntry("cost_per_lead", "250.00")
                .containsEntry("roi", "11.000");
        assertThat(rows.row("campaign", "")).containsEntry("leads", "1").containsEntry("cost", "");
    }

    // --- partner scorecard ------------------------------------------------------------------

    @Test
    void aPartnersScorecardHasItsFunnelSlaPipelineCampaignsStandingAndStrikes() {
        JsonNode card = ok(admin, "/api/reports/partners/" + f.alpha + "?" + ReportFixture.PERIOD);

        assertThat(card.path("partner").path("id").asText()).isEqualTo(f.alpha);
        assertThat(card.path("partner").path("name").asText()).isEqualTo("alpha Inc.");
        assertThat(card.path("partner").path("tier").asText()).isEqualTo("GOLD");
        assertThat(card.path("standing").path("standing").asText()).isEqualTo("WARNED");
        assertThat(card.path("standing").path("warnings").asInt()).isEqualTo(1);
        assertThat(card.path("standing").path("since").asText()).isEqualTo("2003-03-04T00:00:00Z");
        assertThat(card.path("strikes").path("total").asLong()).as("the April strike is outside the period")
                .isEqualTo(1);
        assertThat(card.path("strikes").path("byKind").get(0).path("kind").asText()).isEqualTo("ACCEPT_SLA_MISSED");
        assertThat(counts(card.path("funnel"))).containsExactly(5L, 5L, 5L, 2L, 2L, 1L, 1L);
        assertSla(card.path("sla"), "offers 5, answered 3, accepted 2, acceptedInTime 2, declined 0, "
                + "acceptSlaMissed 1, openOffers 1, contactedInTime 2, contactSlaMissed 0, withdrawals 1", "0.667",
                "1.000");
        assertHours(card.path("sla").path("hoursToClose"), "134.00", "217.20");
        assertThat(card.path("pipeline").path("leads").asLong()).isEqualTo(3);
        assertThat(stages(card.path("pipeline"))).containsExactly("WON EUR 1 12000.00");
        assertThat(card.path("campaigns")).hasSize(2);
        assertThat(card.path("campaigns").get(1).path("campaign").asText()).isEqualTo(f.spring);
        assertDecimal(card.path("campaigns").get(1).path("roi"), "11.000");

        ApiClient.Response csv = admin.get("/api/reports/partners/" + f.alpha + "?" + ReportFixture.PERIOD, "text/csv");
        assertCsvFile(csv, "scorecard_" + f.alpha + "_2003-03-01_2003-03-31.csv");
        List<Map<String, String>> lines = CsvRows.parse(csv.body()).maps();
        assertThat(lines).contains(line("standing", "", "standing", "WARNED"), line("strikes", "", "strikes", "1"),
                line("strikes", "ACCEPT_SLA_MISSED", "strikes", "1"), line("funnel", "ACCEPTED", "leads", "2"),
                line("funnel", "ACCEPTED", "conversion_from_previous", "0.400"),
                line("sla", "", "accepted_in_time_share", "0.667"), line("sla", "", "p90_hours_to_accept", "5.60"),
                line("pipeline", "WON", "leads", "1"), line("pipeline", "WON EUR", "value", "12000.00"),
                line("campaigns", f.spring, "roi", "11.000"));
    }

    @Test
    void aScorecardNamesItsPartnerInThePathOnly() {
        assertThat(badRequestFields(admin, "/api/reports/partners/" + f.alpha + "?partner=" + f.beta + "&tier=GOLD"))
                .containsExactly("partner", "tier");
        assertThat(admin.get("/api/reports/partners/no-such-partner?" + ReportFixture.PERIOD).status()).isEqualTo(404);
    }

    // --- a partner sees only its own --------------------------------------------------------

    @Test
    void aPartnerRepGetsEveryReportOfItsOwnPartnerWhateverTheFilterSays() {
        String period = "?" + ReportFixture.PERIOD;
        assertThat(ok(alphaRep, "/api/reports/pipeline" + period))
                .isEqualTo(ok(admin, "/api/reports/pipeline" + period + "&partner=" + f.alpha));
        assertThat(ok(alphaRep, "/api/reports/pipeline" + period + "&groupBy=partner").path("groups")).hasSize(1);
        assertThat(ok(alphaRep, "/api/reports/funnel" + period))
                .isEqualTo(ok(admin, "/api/reports/funnel" + period + "&partner=" + f.alpha));
        JsonNode sla = ok(alphaRep, "/api/reports/sla" + period);
        assertThat(sla.path("rows")).hasSize(1);
        assertThat(sla.path("rows").get(0).path("partnerId").asText()).isEqualTo(f.alpha);
        assertThat(sla.path("total").path("offers").asLong()).isEqualTo(5);
        assertThat(ok(alphaRep, "/api/reports/campaigns" + period))
                .isEqualTo(ok(admin, "/api/reports/campaigns" + period + "&partner=" + f.alpha));
        assertThat(ok(alphaRep, "/api/reports/partners/" + f.alpha + period).path("sla").path("offers").asLong())
                .isEqualTo(5);
        assertThat(ok(betaRep, "/api/reports/pipeline" + period + "&partner=" + f.beta).path("total").path("leads")
                .asLong()).isEqualTo(2);

        CsvRows pipelineCsv = CsvRows.parse(alphaRep.get("/api/reports/pipeline" + period + "&groupBy=partner",
                "text/csv").body());
        assertThat(pipelineCsv.rows()).extracting(row -> row.get(0)).containsOnly(f.alpha);
        assertThat(CsvRows.parse(alphaRep.get("/api/reports/sla" + period + "&format=csv").body()).rows())
                .extracting(row -> row.get(0)).containsExactly(f.alpha);
        assertThat(CsvRows.parse(alphaRep.get("/api/reports/funnel" + period + "&format=csv").body()).rows().get(0))
                .containsExactly("RECEIVED", "5", "", "");
        assertThat(CsvRows.parse(alphaRep.get("/api/reports/campaigns" + period + "&format=csv").body()).rows())
                .extracting(row -> row.get(5)).containsExactly("1", "2");
    }

    @Test
    void aPartnerRepAskingForAnotherPartnersFiguresIsRefused() {
        String other = "?partner=" + f.beta + "&" + ReportFixture.PERIOD;
        for (String report : List.of("pipeline", "funnel", "sla", "campaigns")) {
            assertThat(alphaRep.get("/api/reports/" + report + other).status()).as(report).isEqualTo(403);
            assertThat(alphaRep.get("/api/reports/" + report + other + "&format=csv").status()).as(report + " as CSV")
                    .isEqualTo(403);
        }
        assertThat(alphaRep.get("/api/reports/partners/" + f.beta + "?" + ReportFixture.PERIOD).status())
                .isEqualTo(403);
        assertThat(alphaRep.get("/api/reports/partners/" + f.beta + "?" + ReportFixture.PERIOD, "text/csv").status())
                .isEqualTo(403);
        assertThat(alphaRep.get("/api/reports/sla" + other).json().path("detail").asText()).contains(f.alpha);
    }

    // --- the lead list as CSV ---------------------------------------------------------------

    @Test
    void theLeadListAsCsvShowsAPartnerRepOnlyItsOwnLeads() {
        ApiClient.Response csv = alphaRep.get("/api/leads", "text/csv");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"leads.csv\"");
        CsvRows rows = CsvRows.parse(csv.body());
        assertThat(rows.header()).startsWith("id", "source", "external_id", "campaign").doesNotContain("email", "notes");
        assertThat(rows.rows()).extracting(row -> Long.parseLong(row.get(0)))
                .as("alpha holds L1, L4, L9 and has L8 on offer; newest first")
                .containsExactly(f.id("L9"), f.id("L8"), f.id("L4"), f.id("L1"));
        assertThat(alphaRep.get("/api/leads?format=csv").body()).isEqualTo(csv.body());
        assertThat(alphaRep.get("/api/leads?partner=" + f.beta, "text/csv").status()).isEqualTo(403);
        assertThat(alphaRep.get("/api/leads?format=csv&partner=" + f.beta).status()).isEqualTo(403);
        assertThat(alphaRep.get("/api/leads").json().path("total").asLong()).as("the JSON list agrees").isEqualTo(4);
    }

    @Test
    void theLeadListAsCsvFiltersLikeTheJsonListAndQuotesWhatItMust() {
        CsvRows beta = CsvRows.parse(admin.get("/api/leads?partner=" + f.beta + "&format=csv").body());
        assertThat(beta.rows()).extracting(row -> Long.parseLong(row.get(0))).containsExactly(f.id("L5"), f.id("L2"));

        CsvRows alpha = CsvRows.parse(admin.get("/api/leads?partner=" + f.alpha + "&status=WON", "text/csv").body());
        Map<String, String> l1 = alpha.row("id", Long.toString(f.id("L1")));
        assertThat(l1).containsEntry("account_name", "Acme, \"Retail\" Inc.").containsEntry("status", "WON")
                .containsEntry("campaign", f.spring).containsEntry("region", "US-CA")
                .containsEntry("created_at", "2003-03-01T10:00:00Z").containsEntry("partner_id", f.alpha);
        String raw = admin.get("/api/leads?partner=" + f.alpha + "&status=LOST&format=csv").body();
        assertThat(raw).as("a formula from a web form stays text").contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(CsvRows.parse(raw).rows().get(0)).contains("CHOSE_COMPETITOR");
        assertThat(admin.get("/api/leads").header("Content-Type")).as("JSON stays the default")
                .startsWith("application/json");
    }

    // --- bad filters ------------------------------------------------------------------------

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertThat(badRequestFields(admin, "/api/reports/pipeline?groupBy=colour")).containsExactly("groupBy");
        assertThat(badRequestFields(admin, "/api/reports/pipeline?from=2003-04-01&to=2003-03-01")).containsExactly("to");
        assertThat(badRequestFields(admin, "/api/reports/funnel?from=yesterday")).containsExactly("from");
        assertThat(badRequestFields(admin, "/api/reports/sla?tier=BRONZE&segment=HUGE"))
                .containsExactly("tier", "segment");
        assertThat(badRequestFields(admin, "/api/reports/campaigns?country=XX&region=California"))
                .containsExactly("country", "region");
        assertThat(badRequestFields(admin, "/api/reports/funnel?country=US&region=DE-BY")).containsExactly("region");
        assertThat(badRequestFields(admin, "/api/reports/pipeline?segmnt=SMB")).containsExactly("segmnt");
        assertThat(badRequestFields(admin, "/api/reports/pipeline?partner=")).containsExactly("partner");
        assertThat(badRequestFields(admin, "/api/reports/pipeline?campaign=a&campaign=b")).containsExactly("campaign");
        assertThat(badRequestFields(admin, "/api/reports/pipeline?format=xml")).containsExactly("format");
        assertThat(badRequestFields(admin, "/api/reports/sla?groupBy=region")).containsExactly("groupBy");
        assertThat(badRequestFields(admin, "/api/reports/funnel?groupBy=partner")).containsExactly("groupBy");
        assertThat(badRequestFields(admin, "/api/reports/campaigns?groupBy=campaign")).containsExactly("groupBy");
        assertThat(badRequestFields(admin, "/api/reports/sla/weekly?groupBy=partner")).containsExactly("groupBy");
        assertThat(badRequestFields(admin, "/api/reports/sla/weekly?segmnt=SMB")).containsExactly("segmnt");
        ApiClient.Response asCsv = admin.get("/api/reports/pipeline?groupBy=colour", "text/csv");
        assertThat(asCsv.status()).as("a CSV client learns why, too: " + asCsv).isEqualTo(400);
        assertThat(asCsv.body()).contains("groupBy");
    }

    @Test
    void withoutDatesAReportCoversTheLast90Days() {
        JsonNode period = ok(admin, "/api/reports/funnel").path("period");
        Instant from = Instant.parse(period.path("from").asText());
        Instant to = Instant.parse(period.path("to").asText());

        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(90));
    }
}

package io.leadbridge.reporting;

import static io.leadbridge.reporting.ReportAssertions.assertCampaign;
import static io.leadbridge.reporting.ReportAssertions.assertSla;
import static io.leadbridge.reporting.ReportAssertions.counts;
import static io.leadbridge.reporting.ReportAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The funnel, SLA and campaign reports join a lead's account only when a filter reads it: with
 * {@code country=DE} they count exactly the German leads of {@link ReportFixture} (L3 and L5), by
 * hand. The fixture's March is this class's own: the property gives it a context, and so an H2
 * database, of its own, apart from {@link ReportApiTest}'s.
 */
@LeadbridgeTest
@TestPropertySource(properties = "test.own-context=report-account-filters")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAccountFiltersTest {

    private static final String GERMANY = "country=DE&" + ReportFixture.PERIOD;

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired Campaigns campaigns;
    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;

    private ReportFixture f;
    private ApiClient admin;

    @BeforeAll
    void history() {
        f = new ReportFixture(fixtures, campaigns, facts, jdbc);
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
    }

    @Test
    void theFunnelOfTheGermanLeads() {
        // L3: offered, accepted by gamma, lost at the contact deadline; L5: accepted, contacted, won.
        assertThat(counts(ok(admin, "/api/reports/funnel?" + GERMANY))).containsExactly(2L, 2L, 2L, 2L, 1L, 1L, 1L);
    }

    @Test
    void theSlaOfTheGermanLeadsOffers() {
        // L3: beta declined, gamma accepted in time and missed the contact deadline (withdrawn);
        // L5: beta accepted 6 h late and made first contact in time.
        assertSla(ok(admin, "/api/reports/sla?" + GERMANY).path("total"), "offers 3, answered 3, accepted 2, "
                + "acceptedInTime 1, declined 1, acceptSlaMissed 0, openOffers 0, contactedInTime 1, "
                + "contactSlaMissed 1, withdrawals 1", "0.333", "0.500");
    }

    @Test
    void theCampaignsOfTheGermanLeads() {
        JsonNode rows = ok(admin, "/api/reports/campaigns?" + GERMANY).path("campaigns");
        assertThat(rows).hasSize(2);
        // Rows are sorted by code: fair-... before spring-...
        assertThat(rows.get(0).path("campaign").asText()).isEqualTo(f.fair);
        assertCampaign(rows.get(0), "leads 1, followedUp 1, won 1, lost 0, pending 0, notPursued 0");
        assertThat(rows.get(0).path("wonValue").decimalValue()).isZero();
        assertThat(rows.get(0).path("wonValueOtherCurrencies").get(0).path("currency").asText()).isEqualTo("USD");
        assertThat(rows.get(1).path("campaign").asText()).isEqualTo(f.spring);
        assertCampaign(rows.get(1), "leads 1, followedUp 0, won 0, lost 0, pending 1, notPursued 0");
    }
}

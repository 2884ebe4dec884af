package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Deals" in the dashboard, in a real browser with real clicks: a partner's rep registers a deal
 * (a refused one first, with the field marked), sees it approved in its list, and sees nothing of
 * another partner's deals; a channel manager sees every partner's list and no registration form.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the dashboard's browser test is skipped")
class DealsBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    private String alpha;
    private String alphaRep;
    private String betaRep;

    @BeforeAll
    void partners() {
        DashboardPage.assertBrowserInstalled();
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        alphaRep = fixtures.rep(alpha);
        betaRep = fixtures.rep(fixtures.partner("beta", PartnerTier.SILVER, "DE"));
    }

    @AfterAll
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aRepRegistersADealOnTheDashboardAndSeesItsStatus() throws IOException {
        String domain = "browser-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(alphaRep, LeadFixtures.PASSWORD);
            page.openDeals();
            assertThat(page.dealFormShown()).isTrue();

            page.dealField("accountName", "Browser Corp");
            page.dealField("accountDomain", domain);
            page.dealField("accountCountry", "US");
            page.dealField("contactFirstName", "Cleo");
            page.dealField("contactLastName", "Customer");
            page.dealField("contactEmail", "not-an-address");
            page.dealField("products", "Cloud Platform");
            page.dealField("amount", "100000");
            page.dealField("currency", "EUR");
            page.dealField("expectedCloseDate", LocalDate.now().plusMonths(3).toString());
            page.dealField("foundHow", "met the CIO at a trade fair");
            assertThat(page.registerDeal()).startsWith("Please check the deal.").contains("contactEmail");
            assertThat(page.invalidDealFields()).containsExactly("contactEmail");
            page.screenshot("deals-01-refused");

            page.dealField("contactEmail", "cleo@" + domain);
            assertThat(page.registerDeal()).contains("registered: Approved");

            List<List<String>> deals = page.table("deals-list");
            assertThat(deals).hasSize(1);
            assertThat(deals.get(0)).contains("Browser Corp", "Cloud Platform", "Approved", "Qualification");
            page.screenshot("deals-02-registered");

            long account = jdbc.sql("select id from account where domain = :domain").param("domain", domain)
                    .query(Long.class).single();
            assertThat(page.goToAccount(account)).as("the account of its own deal, though it has no lead there")
                    .isEqualTo("ready");
            assertThat(page.table("account-deals")).singleElement().asList()
                    .contains("Cloud Platform", "alpha Inc.", "APPROVED · QUALIFICATION");
            page.screenshot("deals-03-account");
        }
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(betaRep, LeadFixtures.PASSWORD);
            page.openDeals();
            assertThat(page.source()).as("another partner sees nothing of it").doesNotContain("Browser Corp");
        }
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait("carol", LeadFixtures.PASSWORD);
            page.openDeals();
            assertThat(page.dealFormShown()).as("vendor users do not register deals").isFalse();
            assertThat(page.table("deals-list")).extracting(row -> row.get(1)).contains("Browser Corp");
        }
    }
}

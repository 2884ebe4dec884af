package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.campaign.Campaigns;
import io.leadbridge.reporting.CurrencyFixture;
import io.leadbridge.reporting.ReportFacts;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's money in one currency, in a real browser, on {@link CurrencyFixture}'s deals in
 * euros, dollars and pounds: the partner that won USD 95,000 from a euro campaign sees what it won
 * and its ROI in euros, and a partner with a win in a month without a rate sees that amount apart
 * and no ROI instead of a wrong one.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the dashboard's browser test is skipped")
class CurrencyDashboardBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired Campaigns campaigns;
    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;

    private CurrencyFixture f;

    @BeforeAll
    void dealsInThreeCurrencies() {
        DashboardPage.assertBrowserInstalled();
        f = new CurrencyFixture(fixtures, campaigns, facts, jdbc,
                ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD));
    }

    @Test
    void aPartnerThatWonDollarsSeesItsWinsAndRoiInEuros() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.go("?" + CurrencyFixture.PERIOD);
            page.logInAndWait(f.dollarRep, LeadFixtures.PASSWORD);

            assertThat(page.tile("won")).containsExactly("2", "worth €73,650");
            assertThat(page.tile("pipeline")).containsExactly("€17,400", "2 open opportunities");
            assertThat(page.tile("roi").get(0)).as("(73,650 − 2,800) / 2,800").isNotEqualTo("–")
                    .doesNotStartWith("−");
            assertThat(page.tile("roi").get(1)).isEqualTo("€73,650 won on €2,800 of campaign cost");
            page.screenshot("currency-01-dollar-partner");
        }
    }

    @Test
    void aWinInAMonthWithoutARateIsShownApartAndLeavesTheRoiOut() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.go("?" + CurrencyFixture.PERIOD);
            page.logInAndWait(f.euroRep, LeadFixtures.PASSWORD);

            assertThat(page.tile("won")).containsExactly("2", "worth €10,000 + £5,000 without an exchange rate");
            assertThat(page.tile("roi")).containsExactly("–",
                    "exchange rates missing for £5,000; ask a channel manager to add them");
        }
    }

    @Test
    void aPartnerOpensTheAccountOfItsLeadAndSeesWhatTheCustomerBought() throws IOException {
        long otherPartnersAccount = jdbc.sql("select account_id from lead where id = :id")
                .param("id", f.leads.get("C1")).query(Long.class).single();
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(f.dollarRep, LeadFixtures.PASSWORD);
            page.goToLead(f.leads.get("C2"));
            page.openAccountOfLead();

            assertThat(page.text("account-title")).isEqualTo("C2 Corp");
            List<List<String>> won = page.table("account-won");
            assertThat(won).hasSize(1);
            assertThat(won.get(0)).contains("$95,000", "€71,250");
            assertThat(page.table("account-leads").get(0)).contains("#" + f.leads.get("C2"), "Won");
            assertThat(page.table("account-next")).as("follow-on.dmn: the platform's renewal two years on")
                    .containsExactly(List.of("Cloud Platform", "Cloud Platform", "Feb 10, 2007",
                            "dollar Inc. (60 days)", "not created yet"));
            page.screenshot("currency-02-account");

            assertThat(page.goToAccount(otherPartnersAccount)).as("another partner's account").isEqualTo("error");
            assertThat(page.text("account-view")).doesNotContain("C1 Corp");
        }
    }
}

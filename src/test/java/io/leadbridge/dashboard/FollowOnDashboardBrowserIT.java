package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account page in a real browser marks a follow-on lead as such, with a link to the win it
 * follows, and the follow-on purchase links to the lead created for it.
 */
@LeadbridgeTest
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the dashboard's browser test is skipped")
class FollowOnDashboardBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void theAccountPageShowsAFollowOnLeadAsSuch() throws IOException {
        DashboardPage.assertBrowserInstalled();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> leads = new LinkedHashMap<>();
        LeadHistory history = new LeadHistory(jdbc, unique, leads, Instant.parse("2008-01-01T00:00:00Z"));
        String partner = fixtures.partner("winner", PartnerTier.GOLD, "DE");
        String rep = fixtures.rep(partner);
        long account = history.account("Umbrella " + unique, "DE", null, "Retail");
        long won = history.lead("W1", null, "Security Suite", "SMB", "PARTNER", "WON", partner,
                Instant.parse("2008-01-02T09:00:00Z"), null, account);
        history.opportunity(won, partner, "WON", "8000", "EUR", "8000", Instant.parse("2008-01-03T09:00:00Z"),
                Instant.parse("2008-01-20T09:00:00Z"), "Security Suite");
        long followOn = history.lead("F1", "follow-on", "Security Suite", "SMB", "PARTNER", "ACCEPTED", partner,
                Instant.parse("2009-01-20T02:00:00Z"), null, account);
        jdbc.sql("""
                insert into follow_on_lead (won_lead_id, product_bought, follow_on_product, lead_id, root_lead_id,
                                            account_id, partner_id, won_at, due_on, protection_days,
                                            protected_until, created_at)
                values (:won, 'Security Suite', 'Security Suite', :lead, :won, :account, :partner, :wonAt, :due, 120,
                        :until, :at)""")
                .param("won", won).param("lead", followOn).param("account", account).param("partner", partner)
                .param("wonAt", Timestamp.from(Instant.parse("2008-01-20T09:00:00Z")))
                .param("due", Date.valueOf(LocalDate.parse("2009-01-20")))
                .param("until", Timestamp.from(Instant.parse("2009-05-20T02:00:00Z")))
                .param("at", Timestamp.from(Instant.parse("2009-01-20T02:00:00Z"))).update();

        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(rep, LeadFixtures.PASSWORD);
            assertThat(page.goToAccount(account)).isEqualTo("ready");

            List<List<String>> rows = page.table("account-leads");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).contains("#" + won).doesNotContain("Follow-on of #" + won
                    + " (Security Suite bought)");
            assertThat(rows.get(1)).contains("#" + followOn, "Follow-on of #" + won + " (Security Suite bought)");
            assertThat(page.table("account-next")).anySatisfy(row -> assertThat(row).contains("#" + followOn));
            page.screenshot("follow-on-01-account");
        }
    }
}

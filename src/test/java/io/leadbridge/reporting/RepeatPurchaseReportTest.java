package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/reports/repeat-purchases} against a fixture counted by hand, July 2004, in EUR
 * (USD September 2004 at 0.80; no GBP rate):
 *
 * <pre>
 * alpha  A1  L1 "spring" won 5 Jul 10000 EUR; follow-on F1 created 20 Jul, won by alpha 10 Sep USD 2000
 *        A2  L2 "spring" won 8 Jul 5000 EUR; follow-on F2 created 25 Jul, offered; F3 created 26 Jul,
 *            won by alpha 5 Oct GBP 300 (no rate)
 *        A3  L3 (no campaign) won 12 Jul, nothing after
 *        A4  L4 "spring" won 1 May (before the period), L5 won 15 Jul: not first won in July
 * beta   A1  B1 "spring" won 30 Jul, nothing after
 *        A5  B2 "fall" won 3 Jul, B3 (not a follow-on) won 1 Aug
 *
 * alpha / spring: 2 accounts, 2 bought again (1.000), 3 follow-on leads, 2 won, EUR 1600.00 + GBP 300.00 apart
 * alpha / none:   1 account,  0 again (0.000), no follow-ons
 * beta / fall:    1 account,  1 again (1.000); beta / spring: 1 account, 0 again (0.000)
 * </pre>
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatPurchaseReportTest {

    private static final String JULY = "?from=2004-07-01&to=2004-07-31";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ReportFacts facts;

    private final Map<String, Long> leads = new LinkedHashMap<>();
    private String alpha;
    private String beta;
    private ApiClient admin;
    private ApiClient alphaRep;

    @BeforeAll
    void fixture() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        LeadHistory history = new LeadHistory(jdbc, unique, leads, at(5, 1, 0));
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "DE");
        beta = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        alphaRep = ApiClient.as(port, fixtures.rep(alpha), LeadFixtures.PASSWORD);
        assertThat(admin.put("/api/exchange-rates/USD/2004-09", Map.of("rate", new BigDecimal("0.80"))).status())
                .isEqualTo(200);

        long a1 = history.account("A1 " + unique, "DE", null, "Retail");
        long a2 = history.account("A2 " + unique, "DE", null, "Retail");
        long a3 = history.account("A3 " + unique, "DE", null, "Retail");
        long a4 = history.account("A4 " + unique, "DE", null, "Retail");
        long a5 = history.account("A5 " + unique, "DE", null, "Retail");

        long l1 = won(history, "L1", "spring", alpha, a1, at(7, 5, 10), "10000", "EUR");
        long f1 = won(history, "F1", "follow-on", alpha, a1, at(9, 10, 10), "2000", "USD");
        followOn(l1, f1, a1, alpha, at(7, 20, 2));
        long l2 = won(history, "L2", "spring", alpha, a2, at(7, 8, 10), "5000", "EUR");
        long f2 = history.lead("F2", "follow-on", "Security Suite", "MID_MARKET", "PARTNER", "OFFERED", alpha,
                at(7, 25, 2), null, a2);
        followOn(l2, f2, a2, alpha, at(7, 25, 2));
        long f3 = won(history, "F3", "follow-on", alpha, a2, at(10, 5, 10), "300", "GBP");
        followOn(l2, f3, a2, alpha, at(7, 26, 2));
        won(history, "L3", null, alpha, a3, at(7, 12, 10), "7000", "EUR");
        won(history, "L4", "spring", alpha, a4, at(5, 1, 10), "1000", "EUR");
        won(history, "L5", "spring", alpha, a4, at(7, 15, 10), "1000", "EUR");
        won(history, "B1", "spring", beta, a1, at(7, 30, 10), "3000", "EUR");
        won(history, "B2", "fall", beta, a5, at(7, 3, 10), "4000", "EUR");
        won(history, "B3", "fall", beta, a5, at(8, 1, 10), "4000", "EUR");
        facts.refresh(leads.values());
    }

    @Test
    void theVendorSeesEveryPartnerAndCampaignOfTheFirstWin() {
        JsonNode report = ok(admin, "/api/reports/repeat-purchases" + JULY);

        assertThat(report.path("reportingCurrency").asText()).isEqualTo("EUR");
        JsonNode alphaSpring = row(report, alpha, "spring");
        assertThat(alphaSpring.path("accountsWon").asLong()).isEqualTo(2);
        assertThat(alphaSpring.path("accountsBoughtAgain").asLong()).isEqualTo(2);
        assertThat(alphaSpring.path("repeatPurchaseRate").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(alphaSpring.path("followOnLeads").asLong()).isEqualTo(3);
        assertThat(alphaSpring.path("followOnLeadsWon").asLong()).isEqualTo(2);
        assertThat(alphaSpring.path("followOnRevenue").decimalValue()).isEqualByComparingTo("1600.00");
        assertThat(alphaSpring.path("followOnRevenueWithoutRate")).hasSize(1);
        assertThat(alphaSpring.path("followOnRevenueWithoutRate").get(0).path("currency").asText()).isEqualTo("GBP");
        assertThat(alphaSpring.path("followOnRevenueWithoutRate").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("300.00");

        JsonNode alphaNone = row(report, alpha, null);
        assertThat(alphaNone.path("accountsWon").asLong()).isEqualTo(1);
        assertThat(alphaNone.path("accountsBoughtAgain").asLong()).isZero();
        assertThat(alphaNone.path("repeatPurchaseRate").decimalValue()).isEqualByComparingTo("0.000");
        assertThat(alphaNone.path("followOnLeads").asLong()).isZero();
        assertThat(alphaNone.path("followOnRevenue").decimalValue()).isEqualByComparingTo("0.00");

        JsonNode betaFall = row(report, beta, "fall");
        assertThat(betaFall.path("accountsWon").asLong()).isEqualTo(1);
        assertThat(betaFall.path("accountsBoughtAgain").asLong()).isEqualTo(1);
        assertThat(betaFall.path("followOnLeads").asLong()).isZero();
        JsonNode betaSpring = row(report, beta, "spring");
        assertThat(betaSpring.path("accountsWon").asLong()).isEqualTo(1);
        assertThat(betaSpring.path("accountsBoughtAgain").asLong()).isZero();
        assertThat(count(report, alpha)).as("A4 was first won in May").isEqualTo(2);

        JsonNode onlyAlpha = ok(admin, "/api/reports/repeat-purchases" + JULY + "&partner=" + alpha);
        assertThat(onlyAlpha.path("total").path("accountsWon").asLong()).isEqualTo(3);
        assertThat(onlyAlpha.path("total").path("accountsBoughtAgain").asLong()).isEqualTo(2);
        assertThat(onlyAlpha.path("total").path("repeatPurchaseRate").decimalValue()).isEqualByComparingTo("0.667");
    }

    @Test
    void aPartnerSeesOnlyItsOwnRows() {
        JsonNode report = ok(alphaRep, "/api/reports/repeat-purchases" + JULY);

        assertThat(report.path("rows")).isNotEmpty();
        report.path("rows").forEach(r -> assertThat(r.path("partnerId").asText()).isEqualTo(alpha));
        assertThat(report.path("total").path("accountsWon").asLong()).isEqualTo(3);
        assertThat(alphaRep.get("/api/reports/repeat-purchases" + JULY + "&partner=" + beta).status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/reports/repeat-purchases" + JULY).status()).isEqualTo(401);
    }

    @Test
    void theReportComesAsCsvAndRefusesParametersItDoesNotTake() {
        ApiClient.Response csv = admin.get("/api/reports/repeat-purchases" + JULY + "&partner=" + alpha
                + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("partner,campaign,accounts_won,"
                + "accounts_bought_again,repeat_purchase_rate,follow_on_leads,follow_on_leads_won,reporting_currency,"
                + "follow_on_revenue,follow_on_revenue_without_rate");
        assertThat(csv.body()).contains(alpha + ",spring,2,2,1.000,3,2,EUR,1600.00,GBP 300.00");

        ApiClient.Response refused = admin.get("/api/reports/repeat-purchases" + JULY + "&country=DE");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("country");
        ApiClient.Response badDate = admin.get("/api/reports/repeat-purchases?from=July");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("from");
    }

    private long won(LeadHistory history, String name, String campaign, String partner, long account, Instant wonAt,
            String value, String currency) {
        long lead = history.lead(name, campaign, "Cloud Platform", "MID_MARKET", "PARTNER", "WON", partner,
                wonAt.minusSeconds(86_400 * 3), null, account);
        history.opportunity(lead, partner, "WON", value, currency, value, wonAt.minusSeconds(86_400), wonAt,
                "Cloud Platform");
        history.event(lead, "WON", wonAt, partner);
        return lead;
    }

    private void followOn(long wonLead, long lead, long account, String partner, Instant createdAt) {
        jdbc.sql("""
                insert into follow_on_lead (won_lead_id, product_bought, follow_on_product, lead_id, root_lead_id,
                                            account_id, partner_id, won_at, due_on, protection_days,
                                            protected_until, created_at)
                values (:won, 'Cloud Platform', :product, :lead, :won, :account, :partner, :at, :due, 90, :until,
                        :at)""")
                .param("won", wonLead).param("product", "Security Suite " + lead).param("lead", lead)
                .param("account", account).param("partner", partner).param("at", Timestamp.from(createdAt))
                .param("due", Date.valueOf(LocalDate.ofInstant(createdAt, java.time.ZoneOffset.UTC)))
                .param("until", Timestamp.from(createdAt.plusSeconds(86_400 * 90))).update();
    }

    private static JsonNode row(JsonNode report, String partner, String campaign) {
        for (JsonNode r : report.path("rows")) {
            if (r.path("partnerId").asText().equals(partner)
                    && (campaign == null ? r.path("campaign").isMissingNode() || r.path("campaign").isNull() : campaign.equals(r.path("campaign").asText()))) {
                return r;
            }
        }
        throw new AssertionError("no row for " + partner + " / " + campaign + ": " + report);
    }

    private static long count(JsonNode report, String partner) {
        long n = 0;
        for (JsonNode r : report.path("rows")) {
            n += r.path("partnerId").asText().equals(partner) ? 1 : 0;
        }
        return n;
    }

    private static JsonNode ok(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Instant at(int month, int day, int hour) {
        return Instant.parse(String.format("2004-%02d-%02dT%02d:00:00Z", month, day, hour));
    }
}

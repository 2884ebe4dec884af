package io.leadbridge.dealregistration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.reporting.CurrencyFixture;
import io.leadbridge.reporting.ReportFacts;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/reports/deals} against a fixture computed by hand, in two currencies and more:
 * the leads of {@link CurrencyFixture} (vendor-sourced; rates USD January 0.80, February 0.75, GBP
 * January 1.40, GBP February none; reporting currency EUR) and five deals the dollar partner
 * registered:
 *
 * <pre>
 * D1 reg 3 Jan 10:00  10000 USD  approved 12:00 (2 h)   WON 12000 USD on 15 Feb   reg x0.80 8000; won x0.75 9000
 * D2 reg 10 Jan 10:00  5000 EUR  approved +24 h         open, now 6000 EUR         reg 5000; pipeline 6000
 * D3 reg 1 Feb 10:00   2000 GBP  approved 14:00 (4 h)   LOST on 20 Feb             no rate: GBP 2000 beside
 * D4 reg 20 Jan 10:00  3000 USD  rejected +24 h                                   reg x0.80 2400
 * D5 reg 25 Jan 10:00  1000 GBP  in review                                        reg x1.40 1400
 * </pre>
 *
 * Dollar partner: registered 5, approved 3, won 1, lost 1, rejected 1, open 1; average decision
 * (2 + 24 + 4 + 24) / 4 = 13.5 h; approvals 2, 4, 24 h: median 4, p90 24. Registered 16800.00 EUR
 * with GBP 2000 without a rate; approved 13000.00 with GBP 2000 without a rate; won 9000.00.
 * Partner-sourced pipeline 6000.00, revenue 9000.00; vendor-sourced (its leads C2, C3, C5, C6)
 * pipeline 16000 + 1400 = 17400.00, revenue 71250 + 2400 = 73650.00.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealReportTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired Campaigns campaigns;
    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;
    @Autowired ProspectRepository prospects;

    private CurrencyFixture f;
    private ApiClient admin;

    @BeforeAll
    void fixture() {
        fixtures.isolateFromEarlierTests();
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        f = new CurrencyFixture(fixtures, campaigns, facts, jdbc, admin);
        deal("WON", "10000", "USD", at(1, 3, 10), at(1, 3, 12), "12000", at(2, 15, 10), "10000");
        deal("APPROVED", "5000", "EUR", at(1, 10, 10), at(1, 11, 10), null, null, "6000");
        deal("LOST", "2000", "GBP", at(2, 1, 10), at(2, 1, 14), null, at(2, 20, 10), "2000");
        deal("REJECTED", "3000", "USD", at(1, 20, 10), at(1, 21, 10), null, null, "3000");
        deal("IN_REVIEW", "1000", "GBP", at(1, 25, 10), null, null, null, "1000");
    }

    @Test
    void countsAmountsAndApprovalTimesOfThePartnersDealsConvertedIntoTheReportingCurrency() {
        JsonNode report = ApiClient.as(port, f.dollarRep, LeadFixtures.PASSWORD).get("/api/reports/deals").json();

        assertThat(report.path("reportingCurrency").asText()).isEqualTo("EUR");
        assertThat(report.path("partners")).as("its own line only").hasSize(1);
        JsonNode line = report.path("partners").get(0);
        assertThat(line.path("partnerId").asText()).isEqualTo(f.dollar);
        assertThat(List.of(line.path("registered").asInt(), line.path("approved").asInt(), line.path("won").asInt(),
                line.path("lost").asInt(), line.path("rejected").asInt(), line.path("open").asInt()))
                .containsExactly(5, 3, 1, 1, 1, 1);
        assertThat(line.path("averageDecisionHours").asDouble()).isEqualTo(13.5);
        assertThat(line.path("approvalHours").path("approvals").asInt()).isEqualTo(3);
        assertThat(line.path("approvalHours").path("median").asDouble()).isEqualTo(4.0);
        assertThat(line.path("approvalHours").path("p90").asDouble()).isEqualTo(24.0);

        JsonNode amounts = line.path("amounts");
        assertThat(amounts.path("registered").path("value").decimalValue()).isEqualByComparingTo("16800.00");
        assertThat(money(amounts.path("registered").path("withoutRate"))).containsExactly("GBP 2000.00");
        assertThat(money(amounts.path("registered").path("originals")))
                .containsExactly("EUR 5000.00", "GBP 3000.00", "USD 13000.00");
        assertThat(amounts.path("approved").path("value").decimalValue()).isEqualByComparingTo("13000.00");
        assertThat(money(amounts.path("approved").path("withoutRate"))).containsExactly("GBP 2000.00");
        assertThat(amounts.path("won").path("value").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(money(amounts.path("won").path("originals"))).containsExactly("USD 12000.00");
        assertThat(amounts.path("won").path("withoutRate")).isEmpty();
        assertThat(report.path("total").path("registered").asInt()).isEqualTo(5);
    }

    @Test
    void comparesPartnerSourcedAndVendorSourcedPipelineAndRevenue() {
        JsonNode sourced = ApiClient.as(port, f.dollarRep, LeadFixtures.PASSWORD).get("/api/reports/deals").json()
                .path("sourced");

        assertThat(sourced.path("partnerSourced").path("pipeline").path("value").decimalValue())
                .isEqualByComparingTo("6000.00");
        assertThat(sourced.path("partnerSourced").path("revenue").path("value").decimalValue())
                .isEqualByComparingTo("9000.00");
        assertThat(sourced.path("vendorSourced").path("pipeline").path("value").decimalValue())
                .isEqualByComparingTo("17400.00");
        assertThat(sourced.path("vendorSourced").path("pipeline").path("count").asInt()).isEqualTo(2);
        assertThat(money(sourced.path("vendorSourced").path("pipeline").path("originals")))
                .containsExactly("GBP 1000.00", "USD 20000.00");
        assertThat(sourced.path("vendorSourced").path("revenue").path("value").decimalValue())
                .isEqualByComparingTo("73650.00");

        JsonNode euro = ApiClient.as(port, f.euroRep, LeadFixtures.PASSWORD).get("/api/reports/deals").json();
        assertThat(euro.path("partners")).as("no deals of its own, none of the dollar partner's").isEmpty();
        assertThat(euro.path("sourced").path("partnerSourced").path("revenue").path("count").asInt()).isZero();
        assertThat(euro.path("sourced").path("vendorSourced").path("revenue").path("value").decimalValue())
                .as("C1 10000 EUR; C4's GBP of February has no rate").isEqualByComparingTo("10000.00");
        assertThat(money(euro.path("sourced").path("vendorSourced").path("revenue").path("withoutRate")))
                .containsExactly("GBP 5000.00");
    }

    @Test
    void theVendorSeesEveryPartnersLine() {
        JsonNode report = admin.get("/api/reports/deals").json();
        JsonNode dollar = null;
        for (JsonNode line : report.path("partners")) {
            if (line.path("partnerId").asText().equals(f.dollar)) {
                dollar = line;
            }
        }
        assertThat(dollar).isNotNull();
        assertThat(dollar.path("amounts").path("won").path("value").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(report.path("total").path("registered").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(ApiClient.anonymous(port).get("/api/reports/deals").status()).isEqualTo(401);
    }

    private void deal(String status, String registered, String currency, Instant registeredAt, Instant decidedAt,
            String finalAmount, Instant closedAt, String amount) {
        String domain = "report-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        long account = prospects.upsertAccount("Deal " + domain, domain, "Retail", "US", null, null, null);
        long contact = prospects.upsertContact(account, "Cleo", "Customer", "cleo@" + domain, null, null);
        jdbc.sql("""
                insert into deal_registration (partner_id, registered_by, account_id, contact_id, amount,
                    registered_amount, currency, expected_close_date, found_how, status, registered_at, decided_at,
                    protected_until, stage, final_amount, closed_at)
                values (:partner, :rep, :account, :contact, :amount, :registered, :currency, :close, 'fixture',
                    :status, :registeredAt, :decidedAt, :until, :stage, :final, :closedAt)""")
                .param("partner", f.dollar).param("rep", f.dollarRep).param("account", account)
                .param("contact", contact).param("amount", new BigDecimal(amount))
                .param("registered", new BigDecimal(registered)).param("currency", currency)
                .param("close", LocalDate.parse("2005-06-30")).param("status", status)
                .param("registeredAt", Timestamp.from(registeredAt))
                .param("decidedAt", decidedAt == null ? null : Timestamp.from(decidedAt))
                .param("until", decidedAt == null || status.equals("REJECTED") ? null
                        : Timestamp.from(closedAt != null ? closedAt : decidedAt.plusSeconds(86400 * 90)))
                .param("stage", decidedAt == null || status.equals("REJECTED") ? null
                        : status.equals("APPROVED") ? "PROPOSAL" : status)
                .param("final", finalAmount == null ? null : new BigDecimal(finalAmount))
                .param("closedAt", closedAt == null ? null : Timestamp.from(closedAt)).update();
    }

    private static List<String> money(JsonNode list) {
        List<String> money = new ArrayList<>();
        list.forEach(m -> money.add(m.path("currency").asText() + " " + m.path("amount").decimalValue()
                .setScale(2).toPlainString()));
        return money;
    }

    private static Instant at(int month, int day, int hour) {
        return Instant.parse(String.format("2005-%02d-%02dT%02d:00:00Z", month, day, hour));
    }
}

package io.leadbridge.accountview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/accounts} over HTTP, per role. One account, Globex, with three leads in March 2006:
 *
 * <pre>
 * G1 alpha holds it: accepted, won 95000 USD on 20 March for "Cloud Platform, Security Suite"
 *    (USD March 2006 at 0.80: 76000.00 EUR)
 * G2 offered to alpha, withdrawn (accept SLA missed), accepted by beta: PROPOSAL 5000 EUR
 * G3 nobody holds it: UNASSIGNED
 * </pre>
 *
 * The channel manager sees all of it; alpha only G1 and what hangs on it, beta only G2 without
 * alpha's steps; gamma, with no lead there, is refused, and finds nothing.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;

    private final Map<String, Long> leads = new LinkedHashMap<>();
    private long account;
    private String unique;
    private String alpha;
    private String beta;
    private ApiClient admin;
    private ApiClient alphaRep;
    private ApiClient betaRep;
    private ApiClient gammaRep;
    private ApiClient deltaRep;
    private String delta;
    private long initech;

    @BeforeAll
    void account() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        LeadHistory history = new LeadHistory(jdbc, unique, leads, at(1, 0));
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "DE");
        beta = fixtures.partner("beta", PartnerTier.SILVER, "DE");
        String gamma = fixtures.partner("gamma", PartnerTier.SILVER, "DE");
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        alphaRep = ApiClient.as(port, fixtures.rep(alpha), LeadFixtures.PASSWORD);
        betaRep = ApiClient.as(port, fixtures.rep(beta), LeadFixtures.PASSWORD);
        gammaRep = ApiClient.as(port, fixtures.rep(gamma), LeadFixtures.PASSWORD);
        assertThat(admin.put("/api/exchange-rates/USD/2006-03", Map.of("rate", new BigDecimal("0.80"))).status())
                .isEqualTo(200);

        account = history.account("Globex " + unique, "DE", null, "Manufacturing");
        long g1 = history.lead("G1", null, "Cloud Platform", "ENTERPRISE", "PARTNER", "WON", alpha, at(2, 9), null,
                account);
        history.offer(g1, alpha, 1, at(2, 9), at(3, 9), "ACCEPTED", at(2, 10), null);
        history.event(g1, "ACCEPTED", at(2, 10), alpha);
        history.opportunity(g1, alpha, "WON", "90000", "USD", "95000", at(5, 9), at(20, 9),
                "Cloud Platform, Security Suite");
        history.event(g1, "WON", at(20, 9), alpha);

        long g2 = history.lead("G2", null, "Networking", "MID_MARKET", "PARTNER", "OPPORTUNITY", beta, at(4, 9), null,
                account);
        history.offer(g2, alpha, 1, at(4, 9), at(5, 9), "WITHDRAWN", at(5, 9), "ACCEPT_SLA_MISSED");
        history.event(g2, "WITHDRAWN", at(5, 9), alpha);
        history.offer(g2, beta, 2, at(5, 9), at(6, 9), "ACCEPTED", at(5, 12), null);
        history.event(g2, "ACCEPTED", at(5, 12), beta);
        history.opportunity(g2, beta, "PROPOSAL", "5000", "EUR", null, at(7, 9), null, "Networking");

        history.lead("G3", null, "Cloud Platform", "SMB", "PARTNER", "UNASSIGNED", null, at(8, 9), null, account);

        // Initech: no lead, two deals partners registered themselves; delta won its deal in dollars
        delta = fixtures.partner("delta", PartnerTier.SILVER, "DE");
        deltaRep = ApiClient.as(port, fixtures.rep(delta), LeadFixtures.PASSWORD);
        initech = history.account("Initech " + unique, "DE", null, "Software");
        jdbc.sql("""
                insert into contact (account_id, first_name, last_name, email, created_at, updated_at)
                values (:account, 'Bill', 'Lumbergh', :email, :at, :at)""").param("account", initech)
                .param("email", "bill." + unique + "@initech.example").param("at", Timestamp.from(at(1, 0))).update();
        registeredDeal(beta, "APPROVED", "QUALIFICATION", "20000", "EUR", null, at(3, 9), "Networking");
        registeredDeal(delta, "WON", "WON", "40000", "USD", at(18, 9), at(4, 9), "Cloud Platform");
    }

    /** A registration of Initech as the deal registration process leaves it, written straight into its tables. */
    private void registeredDeal(String partner, String status, String stage, String amount, String currency,
            Instant closedAt, Instant registeredAt, String product) {
        long contact = jdbc.sql("select id from contact where account_id = :account").param("account", initech)
                .query(Long.class).single();
        jdbc.sql("""
                insert into deal_registration (partner_id, registered_by, account_id, contact_id, amount,
                    registered_amount, currency, expected_close_date, found_how, status, registered_at, decided_at,
                    protected_until, stage, final_amount, closed_at)
                values (:partner, 'a-rep', :account, :contact, :amount, :amount, :currency, date '2006-06-30',
                    'met them at a fair', :status, :registered, :registered, :until, :stage, :final, :closed)""")
                .param("partner", partner).param("account", initech).param("contact", contact)
                .param("amount", new BigDecimal(amount)).param("currency", currency).param("status", status)
                .param("registered", Timestamp.from(registeredAt))
                .param("until", Timestamp.from(registeredAt.plus(Duration.ofDays(90)))).param("stage", stage)
                .param("final", closedAt == null ? null : new BigDecimal(amount))
                .param("closed", closedAt == null ? null : Timestamp.from(closedAt)).update();
        long id = jdbc.sql("select max(id) from deal_registration where account_id = :account")
                .param("account", initech).query(Long.class).single();
        jdbc.sql("insert into deal_registration_product (registration_id, product) values (:id, :product)")
                .param("id", id).param("product", product).update();
    }

    @Test
    void registeredDealsAreOnTheAccountForTheVendorAndEachPartnerSeesOnlyItsOwn() {
        JsonNode forVendor = ok(admin, "/api/accounts/" + initech);
        assertThat(forVendor.path("leads")).isEmpty();
        List<String> deals = new ArrayList<>();
        forVendor.path("deals").forEach(d -> deals.add(d.path("partnerId").asText() + " " + d.path("status").asText()
                + " " + d.path("stage").asText() + " " + d.path("amount").decimalValue().stripTrailingZeros().toPlainString() + " "
                + d.path("currency").asText() + " " + d.path("products").toString()));
        assertThat(deals).as("oldest first").containsExactly(
                beta + " APPROVED QUALIFICATION 20000 EUR [\"Networking\"]",
                delta + " WON WON 40000 USD [\"Cloud Platform\"]");
        assertThat(forVendor.path("deals").get(0).path("partnerName").asText()).isEqualTo("beta Inc.");
        JsonNode won = forVendor.path("won");
        assertThat(won).hasSize(1);
        assertThat(won.get(0).path("dealId").asLong()).isPositive();
        assertThat(won.get(0).has("leadId")).isFalse();
        assertThat(won.get(0).path("wonAt").asText()).isEqualTo("2006-03-18T09:00:00Z");
        assertThat(won.get(0).path("valueInReportingCurrency").decimalValue()).isEqualByComparingTo("32000.00");
        assertThat(won.get(0).path("partnerId").asText()).isEqualTo(delta);

        JsonNode forBeta = ok(betaRep, "/api/accounts/" + initech);
        assertThat(forBeta.path("deals")).singleElement()
                .satisfies(d -> assertThat(d.path("partnerId").asText()).isEqualTo(beta));
        assertThat(forBeta.path("won")).as("delta's win is not beta's to see").isEmpty();
        JsonNode forDelta = ok(deltaRep, "/api/accounts/" + initech);
        assertThat(forDelta.path("deals")).singleElement()
                .satisfies(d -> assertThat(d.path("partnerId").asText()).isEqualTo(delta));
        assertThat(forDelta.path("won")).hasSize(1);
        assertThat(forDelta.toString()).doesNotContain(beta);

        assertThat(alphaRep.get("/api/accounts/" + initech).status()).as("no lead, no deal there").isEqualTo(403);
        assertThat(ok(alphaRep, "/api/accounts?name=initech%20" + unique).path("items")).isEmpty();
        assertThat(ok(deltaRep, "/api/accounts?name=initech%20" + unique).path("items")).hasSize(1);
    }

    @Test
    void theChannelManagerSeesTheWholeAccount() {
        JsonNode globex = ok(admin, "/api/accounts/" + account);

        assertThat(globex.path("name").asText()).isEqualTo("Globex " + unique);
        assertThat(globex.path("country").asText()).isEqualTo("DE");
        assertThat(globex.path("industry").asText()).isEqualTo("Manufacturing");
        assertThat(ids(globex.path("leads"), "id")).containsExactly(leads.get("G1"), leads.get("G2"), leads.get("G3"));
        JsonNode g1 = globex.path("leads").get(0);
        assertThat(g1.path("status").asText()).isEqualTo("WON");
        assertThat(g1.path("partnerId").asText()).isEqualTo(alpha);
        assertThat(g1.path("partnerName").asText()).isEqualTo("alpha Inc.");
        assertThat(globex.path("leads").get(1).path("partnerId").asText()).isEqualTo(beta);
        assertThat(globex.path("leads").get(2).has("partnerId")).isFalse();
        assertThat(globex.path("contacts")).hasSize(3);
        assertThat(ids(globex.path("opportunities"), "leadId")).containsExactly(leads.get("G1"), leads.get("G2"));
        assertThat(globex.path("opportunities").get(0).path("products").toString())
                .isEqualTo("[\"Cloud Platform\",\"Security Suite\"]");

        JsonNode won = globex.path("won");
        assertThat(won).hasSize(1);
        assertThat(won.get(0).path("wonAt").asText()).isEqualTo("2006-03-20T09:00:00Z");
        assertThat(won.get(0).path("value").decimalValue()).isEqualByComparingTo("95000");
        assertThat(won.get(0).path("currency").asText()).isEqualTo("USD");
        assertThat(won.get(0).path("valueInReportingCurrency").decimalValue()).isEqualByComparingTo("76000.00");
        assertThat(won.get(0).path("reportingCurrency").asText()).isEqualTo("EUR");

        List<String> buyAgain = new ArrayList<>();
        globex.path("buyAgain").forEach(b -> buyAgain.add(b.path("productBought").asText() + " -> "
                + b.path("followOnProduct").asText() + " from " + b.path("dueOn").asText() + ", "
                + b.path("partnerId").asText() + " protected " + b.path("protectionDays").asInt() + " days"));
        assertThat(buyAgain).as("follow-on.dmn: the platform's renewal after two years, the suite's every year")
                .containsExactly("Cloud Platform -> Cloud Platform from 2008-03-20, " + alpha + " protected 60 days",
                        "Security Suite -> Security Suite from 2007-03-20, " + alpha + " protected 120 days");

        List<String> timeline = steps(globex);
        assertThat(timeline).contains("G1 ACCEPTED " + alpha, "G2 WITHDRAWN " + alpha, "G2 ACCEPTED " + beta,
                "G1 WON " + alpha);
        assertThat(timeline.indexOf("G1 WON " + alpha)).as("oldest first")
                .isGreaterThan(timeline.indexOf("G2 ACCEPTED " + beta));
    }

    @Test
    void aPartnerSeesOnlyWhatItHeld() {
        JsonNode forAlpha = ok(alphaRep, "/api/accounts/" + account);
        assertThat(ids(forAlpha.path("leads"), "id")).containsExactly(leads.get("G1"));
        assertThat(ids(forAlpha.path("opportunities"), "leadId")).containsExactly(leads.get("G1"));
        assertThat(forAlpha.path("won")).hasSize(1);
        assertThat(forAlpha.path("buyAgain")).hasSize(2);
        assertThat(forAlpha.path("contacts")).hasSize(1);
        assertThat(steps(forAlpha)).allMatch(s -> s.startsWith("G1 "));

        JsonNode forBeta = ok(betaRep, "/api/accounts/" + account);
        assertThat(ids(forBeta.path("leads"), "id")).containsExactly(leads.get("G2"));
        assertThat(ids(forBeta.path("opportunities"), "leadId")).containsExactly(leads.get("G2"));
        assertThat(forBeta.path("won")).isEmpty();
        assertThat(forBeta.path("buyAgain")).as("what alpha won is alpha's to sell again").isEmpty();
        assertThat(steps(forBeta)).as("never another partner's steps").noneMatch(s -> s.endsWith(alpha))
                .contains("G2 ACCEPTED " + beta);
        assertThat(forBeta.toString()).doesNotContain("95000", "Security Suite");
    }

    @Test
    void aPartnerWithNoLeadThereIsRefusedAndFindsNothing() {
        ApiClient.Response refused = gammaRep.get("/api/accounts/" + account);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Globex");
        assertThat(ok(gammaRep, "/api/accounts?name=globex%20" + unique).path("items")).isEmpty();
        assertThat(ApiClient.anonymous(port).get("/api/accounts/" + account).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/accounts").status()).isEqualTo(401);
    }

    @Test
    void accountsAreFoundByNameDomainAndCountryAndCountedForTheCaller() {
        JsonNode page = ok(admin, "/api/accounts?name=GLOBEX%20" + unique + "&country=de");
        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("id").asLong()).isEqualTo(account);
        assertThat(item.path("leads").asLong()).isEqualTo(3);
        assertThat(item.path("wonDeals").asLong()).isEqualTo(1);
        assertThat(ok(admin, "/api/accounts?domain=" + item.path("domain").asText()).path("total").asLong())
                .isEqualTo(1);
        assertThat(ok(admin, "/api/accounts?name=globex%20" + unique + "&country=US").path("total").asLong())
                .isZero();
        assertThat(ok(admin, "/api/accounts?name=%25").path("total").asLong()).as("% is a character, not a wildcard")
                .isZero();

        JsonNode forBeta = ok(betaRep, "/api/accounts?name=globex%20" + unique).path("items").get(0);
        assertThat(forBeta.path("leads").asLong()).isEqualTo(1);
        assertThat(forBeta.path("wonDeals").asLong()).isZero();

        String globex = "/api/accounts?name=globex%20" + unique + "&size=1";
        assertThat(ok(admin, globex + "&page=0").path("items")).hasSize(1);
        JsonNode pastTheEnd = ok(admin, globex + "&page=1");
        assertThat(pastTheEnd.path("items")).isEmpty();
        assertThat(pastTheEnd.path("page").asInt()).isEqualTo(1);
        assertThat(pastTheEnd.path("size").asInt()).isEqualTo(1);
        assertThat(pastTheEnd.path("total").asLong()).isEqualTo(1);
    }

    @Test
    void badSearchesAreAClear400NamingTheField() {
        assertThat(field(admin.get("/api/accounts?size=0"))).isEqualTo("size");
        assertThat(field(admin.get("/api/accounts?size=1000"))).isEqualTo("size");
        assertThat(field(admin.get("/api/accounts?page=-1"))).isEqualTo("page");
        assertThat(field(admin.get("/api/accounts?country=DEU"))).isEqualTo("country");
        assertThat(field(admin.get("/api/accounts?name=" + "x".repeat(201)))).isEqualTo("name");
        assertThat(admin.get("/api/accounts?name=a%00b").status()).isEqualTo(400);
        assertThat(admin.get("/api/accounts?page=one").status()).isEqualTo(400);
        ApiClient.Response wrongId = admin.get("/api/accounts/abc");
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(wrongId.body()).doesNotContain("Exception", "NumberFormat");
        assertThat(admin.get("/api/accounts/999999999").status()).isEqualTo(404);
    }

    private static JsonNode ok(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asText();
    }

    private static List<Long> ids(JsonNode items, String field) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path(field).asLong()));
        return ids;
    }

    /** "G1 ACCEPTED alpha-..." per timeline entry. */
    private List<String> steps(JsonNode account) {
        List<String> steps = new ArrayList<>();
        account.path("timeline").forEach(e -> steps.add(name(e.path("leadId").asLong()) + " " + e.path("type").asText()
                + (e.has("partnerId") ? " " + e.path("partnerId").asText() : "")));
        return steps;
    }

    private String name(long leadId) {
        return leads.entrySet().stream().filter(e -> e.getValue() == leadId).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    /** {@code day} of March 2006 at {@code hour}:00 UTC. */
    private static Instant at(int day, int hour) {
        return Instant.parse(String.format("2006-03-%02dT%02d:00:00Z", day, hour));
    }
}

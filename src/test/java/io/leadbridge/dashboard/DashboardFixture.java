package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.campaign.CampaignRequest;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.partner.PartnerRequest;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.RepRequest;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Four weeks of two partners' leads, made the way they happen: submitted, routed by the rules,
 * answered by the partners' reps over the API, with the engine's clock moved a week at a time so
 * that timers fire. Harbor Networks covers the US, Summit Analytics Germany, so the rules give each
 * lead to one of them. The clock starts 22 days ago; the last lead arrives a day ago.
 *
 * <pre>
 * week 1  H1 US spring-webinar  Harbor accepts after 3 h, contacts a day later, opportunity
 *                               20,000 EUR, won for 24,000                                     WON
 *         S1 DE trade-fair      Summit accepts after 5 h, contacts, opportunity 15,000 EUR, won  WON
 * week 2  H2 US trade-fair      Harbor accepts after 4 h and contacts a day later              CONTACTED
 *         S2 DE spring-webinar  Summit lets the accept SLA run out; nobody else may have it    UNASSIGNED
 * week 3  H3 US spring-webinar  Harbor accepts after 6 h, contacts, opportunity 30,000 EUR,
 *                               moved to PROPOSAL                                              OPPORTUNITY
 *         S3 DE trade-fair      Summit declines after an hour                                  UNASSIGNED
 * week 4  H4 US spring-webinar  offered to Harbor, open (a task in Tasklist)                   OFFERED
 * </pre>
 *
 * Harbor: 4 leads offered, 3 answered, all accepted in time and contacted, 1 won worth 24,000 EUR,
 * 30,000 EUR open. Summit: 3 offered and answered, 1 accepted in time (S1), 1 won worth 15,000 EUR.
 */
final class DashboardFixture {

    final String harbor;
    final String summit;
    final String harborRep;
    final String summitRep;
    final String carol = "carol";
    final String springWebinar = "spring-webinar";
    final String tradeFair = "trade-fair";
    final long h1;
    final long h2;
    final long h3;
    final long h4;
    final long s1;
    final long s2;
    final long s3;

    private final LeadFixtures fixtures;
    private final EngineDriver engine;
    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final ApiClient harborClient;
    private final ApiClient summitClient;
    private Instant weekStart;

    DashboardFixture(int port, LeadFixtures fixtures, EngineDriver engine, PartnerService partners, Campaigns campaigns,
            AccessProvisioning access) {
        this.fixtures = fixtures;
        this.engine = engine;
        fixtures.isolateFromEarlierTests();
        access.provisionUser(carol, "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        harbor = partner(partners, "harbor-networks-" + unique, "Harbor Networks", PartnerTier.GOLD, "US");
        summit = partner(partners, "summit-analytics-" + unique, "Summit Analytics", PartnerTier.SILVER, "DE");
        harborRep = rep(partners, harbor, "hannah." + unique, "Hannah", "Berg");
        summitRep = rep(partners, summit, "sven." + unique, "Sven", "Larsen");
        campaign(campaigns, springWebinar, "Spring webinar series", "webinar", "2000.00");
        campaign(campaigns, tradeFair, "Trade fair Hannover", "trade show", "5000.00");
        harborClient = ApiClient.as(port, harborRep, LeadFixtures.PASSWORD);
        summitClient = ApiClient.as(port, summitRep, LeadFixtures.PASSWORD);

        // Mid-market leads: accept within a day, contact within three days (sla-policy.dmn).
        weekStart = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(22));
        ClockUtil.setCurrentTime(Date.from(weekStart));
        h1 = lead("Northwind Outfitters", "US", springWebinar);
        s1 = lead("Brauhaus Keller", "DE", tradeFair);
        later(Duration.ofHours(3));
        accept(harborClient, h1);
        later(Duration.ofHours(2));
        accept(summitClient, s1);
        later(Duration.ofDays(1));
        contact(harborClient, h1);
        contact(summitClient, s1);
        later(Duration.ofDays(1));
        opportunity(harborClient, h1, 20_000);
        opportunity(summitClient, s1, 15_000);
        later(Duration.ofDays(3));
        win(harborClient, h1, 24_000);
        win(summitClient, s1, 15_000);

        nextWeek();
        h2 = lead("Lakeside Clinic", "US", tradeFair);
        s2 = lead("Rheinwerk Maschinen", "DE", springWebinar);
        later(Duration.ofHours(4));
        accept(harborClient, h2);
        later(Duration.ofDays(1));
        contact(harborClient, h2);

        nextWeek();
        h3 = lead("Sunset Stores", "US", springWebinar);
        s3 = lead("Hafen Logistik", "DE", tradeFair);
        later(Duration.ofHours(1));
        ok(summitClient.post("/api/leads/" + s3 + "/decline", Map.of("reason", "no capacity this month")));
        later(Duration.ofHours(5));
        accept(harborClient, h3);
        later(Duration.ofDays(2));
        contact(harborClient, h3);
        opportunity(harborClient, h3, 30_000);
        later(Duration.ofDays(1));
        ok(harborClient.patch("/api/leads/" + h3 + "/opportunity", Map.of("stage", "PROPOSAL", "note", "proposal sent")));

        nextWeek();
        h4 = lead("Pacific Dental Group", "US", springWebinar);
        // The engine's clock stands still in tests, and a report's period ends before "now": let an hour pass.
        later(Duration.ofHours(1));

        assertThat(fixtures.lead(h1).status().name()).isEqualTo("WON");
        assertThat(fixtures.lead(h2).status().name()).isEqualTo("CONTACTED");
        assertThat(fixtures.lead(h3).status().name()).isEqualTo("OPPORTUNITY");
        assertThat(fixtures.lead(h4).status().name()).isEqualTo("OFFERED");
        assertThat(fixtures.lead(s1).status().name()).isEqualTo("WON");
        assertThat(fixtures.lead(s2).status().name()).as("accept SLA missed, nobody else covers DE")
                .isEqualTo("UNASSIGNED");
        assertThat(fixtures.lead(s3).status().name()).isEqualTo("UNASSIGNED");
    }

    /** Moves the engine's clock on; the timers that fall due fire. */
    private void later(Duration duration) {
        engine.passTime(duration);
    }

    /** Moves the engine's clock to the start of the next week of the story. */
    private void nextWeek() {
        weekStart = weekStart.plus(Duration.ofDays(7));
        engine.passTime(Duration.between(ClockUtil.getCurrentTime().toInstant(), weekStart));
    }

    private static String partner(PartnerService partners, String id, String name, PartnerTier tier, String country) {
        partners.create(new PartnerRequest(id, name, tier, null, 100, id + "@partner.example", Set.of(country),
                Set.of(), Set.of(), Set.of("Cloud", "Security", "Networking", "Analytics"),
                Set.of("HIPAA", "PCI-DSS", "FedRAMP"), Set.of()));
        return id;
    }

    private static String rep(PartnerService partners, String partnerId, String username, String first, String last) {
        partners.addRep(partnerId, new RepRequest(username, first, last, username + "@partner.example",
                LeadFixtures.PASSWORD));
        return username;
    }

    private static void campaign(Campaigns campaigns, String code, String name, String channel, String cost) {
        if (campaigns.all().stream().noneMatch(c -> c.code().equals(code))) {
            campaigns.create(new CampaignRequest(code, name, channel, new BigDecimal(cost), "EUR",
                    LocalDate.now(ZoneOffset.UTC).minusDays(60), null), "test");
        }
    }

    /** A mid-market lead (score 70, 250 employees) of a Retail company, routed by the rules to the country's partner. */
    private long lead(String company, String country, String campaign) {
        String key = company.toLowerCase().replaceAll("[^a-z]", "") + "-" + unique;
        long id = fixtures.submit(new LeadSubmission("dash-" + key, "web-form", campaign, "Cloud Platform", 70,
                new LeadSubmission.Contact("Pat", "Prospect", "pat@" + key + ".example", "+1 555 0100", "CTO"),
                new LeadSubmission.Account(company, key + ".example", "Retail", country, 250,
                        BigDecimal.valueOf(25_000_000L)),
                "asked for a demo"));
        engine.runDueJobs();
        return id;
    }

    private static void accept(ApiClient rep, long lead) {
        ok(rep.post("/api/leads/" + lead + "/accept", "{}"));
    }

    private static void contact(ApiClient rep, long lead) {
        ok(rep.post("/api/leads/" + lead + "/contact", Map.of("outcome", "CONTACTED", "note", "first call")));
    }

    private static void opportunity(ApiClient rep, long lead, int amount) {
        ApiClient.Response created = rep.post("/api/leads/" + lead + "/opportunity", Map.of("amount", amount,
                "currency", "EUR", "expectedCloseDate", LocalDate.now(ZoneOffset.UTC).plusDays(60).toString(),
                "products", new String[] {"Cloud Platform"}));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void win(ApiClient rep, long lead, int amount) {
        ok(rep.post("/api/leads/" + lead + "/close", Map.of("outcome", "WON", "amount", amount, "note", "signed")));
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }
}

package io.leadbridge.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.RepRequest;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.rewards.Leaderboard.Scope;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/reports/leaderboard} and {@code GET /api/rewards/ledger} over HTTP against a
 * fixture counted by hand. Two partners with mid-market grade B leads (accept SLA 1 day, contact
 * SLA 3 days), all in a period of its own about ten years back:
 *
 * <pre>
 * rep   partner        lead  steps (points from reward-points.dmn)                        points wins on time
 * Ann   alpha (GOLD)   US-1  accept 10, contact 15, opportunity 25, won 42,000 (10k-100k) 50  100  1    2/2
 * Bob   alpha (GOLD)   US-2  accept a day late 2, contact 15, status update 3              20    0    1/2
 * Cleo  beta (SILVER)  DE-1  accept 10, no contact in 3 days: withdrawn -20               20    0    3/3
 *                      DE-2  accept 10, contact 15, lost (reported) 5
 * Bob and Cleo tie on points and wins: the name decides (Bob Alpha before Cleo Beta).
 * partners: alpha 120 points, 1 win, 3/4 on time; beta 20 points, 0 wins, 3/3 on time.
 * </pre>
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderboardApiTest {

    private static final String HEADER =
            "rank,rep,firstName,lastName,partnerId,partnerName,tier,points,wins,onTimeRate,onTimeSteps,timedSteps";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions actions;
    @Autowired PartnerService partners;
    @Autowired AccessProvisioning access;
    @Autowired LeaderboardTallies tallies;
    @Autowired PartnerRepository partnerRepository;

    private String alpha;
    private String beta;
    private String ann;
    private String bob;
    private String cleo;
    private Instant start;

    @BeforeAll
    void twoPartnersWorkTheirLeadsInAPeriodOfTheirOwn() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        beta = fixtures.partner("beta", PartnerTier.SILVER, "DE");
        ann = rep(alpha, "Ann", "Alpha");
        bob = rep(alpha, "Bob", "Alpha");
        cleo = rep(beta, "Cleo", "Beta");
        // Some hour about ten years back that no other test uses.
        start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3650))
                .minus(Duration.ofHours(ThreadLocalRandom.current().nextLong(24 * 365)));
        ClockUtil.setCurrentTime(Date.from(start));

        long us1 = fixtures.submit(fixtures.partnerLead("US"));
        long us2 = fixtures.submit(fixtures.partnerLead("US"));
        long de1 = fixtures.submit(fixtures.partnerLead("DE"));
        long de2 = fixtures.submit(fixtures.partnerLead("DE"));
        engine.runDueJobs();

        actions.acceptOffer(us1, caller(ann, alpha));
        actions.reportContact(us1, ContactOutcome.CONTACTED, "intro call", caller(ann, alpha));
        actions.reportProgress(us1, new StatusUpdate(DealAction.CONVERT, new BigDecimal("40000"), "USD",
                LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(30), List.of(), null, null, null), caller(ann, alpha));
        actions.reportProgress(us1, new StatusUpdate(DealAction.WON, new BigDecimal("42000"), null, null, null, null,
                null, "signed"), caller(ann, alpha));
        actions.acceptOffer(de1, caller(cleo, beta));
        actions.acceptOffer(de2, caller(cleo, beta));
        actions.reportContact(de2, ContactOutcome.CONTACTED, "intro call", caller(cleo, beta));
        actions.reportProgress(de2, new StatusUpdate(DealAction.LOST, null, null, null, null, null,
                LostReason.CHOSE_COMPETITOR, "went with the incumbent"), caller(cleo, beta));

        engine.passTimeWithoutJobs(Duration.ofDays(1).plusMinutes(5));
        actions.acceptOffer(us2, caller(bob, alpha));
        actions.reportContact(us2, ContactOutcome.CONTACTED, "intro call", caller(bob, alpha));
        actions.reportProgress(us2, StatusUpdate.note("demo booked for next week"), caller(bob, alpha));

        engine.passTime(Duration.ofDays(2));
        assertThat(fixtures.lead(de1).partnerId()).as("withdrawn for the missed contact SLA").isNull();
        engine.resetClock();
    }

    @AfterAll
    void leaveNoTimersBehind() {
        engine.resetClock();
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void ranksRepsByPointsWithWinsAndOnTimeRateForAChannelManager() {
        ApiClient.Response board = carol().get(board("reps", ""));

        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        JsonNode json = board.json();
        assertThat(json.path("scope").asText()).isEqualTo("reps");
        assertThat(json.path("period").path("from").asText()).isEqualTo(start.minus(Duration.ofHours(1)).toString());
        List<JsonNode> rows = rows(json);
        assertThat(rows).extracting(r -> r.path("rank").asInt(), r -> r.path("rep").asText(),
                        r -> r.path("points").asLong(), r -> r.path("wins").asLong(),
                        r -> r.path("onTimeRate").asDouble())
                .containsExactly(
                        tuple(1, ann, 100L, 1L, 1.0),
                        tuple(2, bob, 20L, 0L, 0.5),
                        tuple(3, cleo, 20L, 0L, 1.0));
        JsonNode first = rows.get(0);
        assertThat(first.path("firstName").asText()).isEqualTo("Ann");
        assertThat(first.path("lastName").asText()).isEqualTo("Alpha");
        assertThat(first.path("partnerId").asText()).isEqualTo(alpha);
        assertThat(first.path("partnerName").asText()).isEqualTo("alpha Inc.");
        assertThat(first.path("tier").asText()).isEqualTo("GOLD");
        assertThat(rows.get(1).path("onTimeSteps").asLong()).isEqualTo(1);
        assertThat(rows.get(1).path("timedSteps").asLong()).isEqualTo(2);
    }

    @Test
    void ranksPartnersByPointsWithWinsAndOnTimeRate() {
        List<JsonNode> rows = rows(carol().get(board("partners", "")).json());

        assertThat(rows).extracting(r -> r.path("rank").asInt(), r -> r.path("partnerId").asText(),
                        r -> r.path("tier").asText(), r -> r.path("points").asLong(), r -> r.path("wins").asLong(),
                        r -> r.path("onTimeRate").asDouble())
                .containsExactly(
                        tuple(1, alpha, "GOLD", 120L, 1L, 0.75),
                        tuple(2, beta, "SILVER", 20L, 0L, 1.0));
        assertThat(rows).allMatch(r -> !r.has("rep"));
    }

    @Test
    void answersCsvWithTheSameNumbersForFormatCsvAndForAcceptTextCsv() {
        String expected = HEADER + "\r\n"
                + "1," + ann + ",Ann,Alpha," + alpha + ",alpha Inc.,GOLD,100,1,1.000,2,2\r\n"
                + "2," + bob + ",Bob,Alpha," + alpha + ",alpha Inc.,GOLD,20,0,0.500,1,2\r\n"
                + "3," + cleo + ",Cleo,Beta," + beta + ",beta Inc.,SILVER,20,0,1.000,3,3\r\n";

        Raw byParameter = raw("carol", board("reps", "&format=csv"), "application/json");
        Raw byHeader = raw("carol", board("reps", ""), "text/csv");

        for (Raw csv : List.of(byParameter, byHeader)) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.disposition()).contains("leaderboard-reps.csv");
            assertThat(csv.body()).isEqualTo(expected);
        }
        assertThat(raw("carol", board("partners", "&format=csv"), "*/*").body()).isEqualTo(HEADER + "\r\n"
                + "1,,,," + alpha + ",alpha Inc.,GOLD,120,1,0.750,3,4\r\n"
                + "2,,,," + beta + ",beta Inc.,SILVER,20,0,1.000,3,3\r\n");
    }

    @Test
    void filtersByTheLeadsAccountAndThePartnersTier() {
        assertThat(rows(carol().get(board("reps", "&country=DE")).json()))
                .extracting(r -> r.path("rep").asText(), r -> r.path("points").asLong())
                .containsExactly(tuple(cleo, 20L));
        assertThat(rows(carol().get(board("reps", "&tier=GOLD")).json()))
                .extracting(r -> r.path("rep").asText()).containsExactly(ann, bob);
        assertThat(rows(carol().get(board("partners", "&segment=ENTERPRISE")).json())).isEmpty();
        assertThat(rows(carol().get(board("reps", "&partner=" + alpha + "&campaign=autumn-launch"
                + "&product=Cloud%20Platform&industry=Retail&region=US-CA")).json()))
                .as("no account of the fixture has a region").isEmpty();
        JsonNode alphaOnly = carol().get(board("reps", "&partner=" + alpha + "&campaign=autumn-launch")).json();
        assertThat(rows(alphaOnly)).extracting(r -> r.path("rep").asText()).containsExactly(ann, bob);
        assertThat(alphaOnly.path("filters").path("campaign").asText()).isEqualTo("autumn-launch");
        assertThat(alphaOnly.path("partner").asText()).isEqualTo(alpha);
    }

    @Test
    void countsOnlyWhatHappenedInThePeriod() {
        String after = "?from=" + start.plus(Duration.ofHours(1)) + "&to=" + start.plus(Duration.ofDays(10));
        List<JsonNode> rows = rows(carol().get("/api/reports/leaderboard" + after).json());

        assertThat(rows).extracting(r -> r.path("rep").asText(), r -> r.path("points").asLong(),
                        r -> r.path("timedSteps").asLong())
                .as("after the first hour: Bob's late accept, contact and update, Cleo's withdrawal")
                .containsExactly(tuple(bob, 20L, 2L),
                        tuple(cleo, -20L, 0L));
    }

    @Test
    void wholeDaysFromTheirSumsAndTheHoursAtEitherEndCountAsEveryRowOfThePeriodDoes() {
        // Every lead here is for Cloud Platform: filtered by it, the board counts each ledger row and
        // step of the period; without a lead filter it reads whole UTC days from their sums.
        String day = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
        List<String> periods = List.of(period(),
                "from=" + start.plus(Duration.ofMinutes(30)) + "&to=" + start.plus(Duration.ofDays(2)).plusSeconds(7),
                "from=" + day + "&to=" + LocalDate.parse(day).plusDays(5),
                "from=" + start + "&to=" + start.plus(Duration.ofHours(3)));
        for (String period : periods) {
            for (String scope : List.of("reps", "partners")) {
                String board = "/api/reports/leaderboard?" + period + "&scope=" + scope;
                List<JsonNode> bySums = rows(carol().get(board).json());
                List<JsonNode> rowByRow = rows(carol().get(board + "&product=Cloud%20Platform").json());
                assertThat(bySums).as(board).isNotEmpty().isEqualTo(rowByRow);
            }
        }
    }

    @Test
    void aRepSeesOtherPartnersRepsByFirstNameAndTierOnly() {
        List<JsonNode> rows = rows(as(ann).get(board("reps", "")).json());

        assertThat(rows).extracting(r -> r.path("rank").asInt(), r -> r.path("points").asLong())
                .containsExactly(tuple(1, 100L), tuple(2, 20L), tuple(3, 20L));
        assertThat(rows.get(0).path("rep").asText()).isEqualTo(ann);
        assertThat(rows.get(1).path("lastName").asText()).as("the own partner's reps in full").isEqualTo("Alpha");
        JsonNode other = rows.get(2);
        assertThat(other.path("firstName").asText()).isEqualTo("Cleo");
        assertThat(other.path("tier").asText()).isEqualTo("SILVER");
        assertThat(other.has("rep")).isFalse();
        assertThat(other.has("lastName")).isFalse();
        assertThat(other.has("partnerId")).isFalse();
        assertThat(other.has("partnerName")).isFalse();
        assertThat(raw(ann, board("reps", "&format=csv"), "text/csv").body())
                .endsWith("\r\n3,,Cleo,,,,SILVER,20,0,1.000,3,3\r\n")
                .doesNotContain(cleo).doesNotContain(beta).doesNotContain("Beta");
    }

    @Test
    void aRepSeesOtherPartnersByTierAndRankOnly() {
        ApiClient.Response board = as(cleo).get(board("partners", ""));
        List<JsonNode> rows = rows(board.json());

        assertThat(rows.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("tier").asText()).isEqualTo("GOLD");
        assertThat(rows.get(0).has("partnerId")).isFalse();
        assertThat(rows.get(0).has("partnerName")).isFalse();
        assertThat(rows.get(1).path("partnerId").asText()).as("its own partner in full").isEqualTo(beta);
        assertThat(board.body()).doesNotContain(alpha).doesNotContain("alpha Inc.");
    }

    @Test
    void aRepMayRankItsOwnPartnersRepsButNotAnotherPartners() {
        assertThat(rows(as(bob).get(board("reps", "&partner=" + alpha)).json()))
                .extracting(r -> r.path("rep").asText(), r -> r.path("lastName").asText())
                .containsExactly(tuple(ann, "Alpha"),
                        tuple(bob, "Alpha"));

        ApiClient.Response refused = as(bob).get(board("reps", "&partner=" + beta));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(cleo);
    }

    @Test
    void showsOtherPartnersInFullWhenConfiguredTo() {
        ReportPeriod period = new ReportPeriod(start.minus(Duration.ofHours(1)), start.plus(Duration.ofDays(10)));
        LeaderboardFilter noFilter = LeaderboardFilter.NONE;
        Leaderboard open = new Leaderboard(tallies, partnerRepository,
                new RewardsProperties(new RewardsProperties.Leaderboard(true, true)));
        Caller annAsCaller = caller(ann, alpha);

        LeaderboardReport reps = open.board(annAsCaller, Scope.REPS, null, period, noFilter);
        LeaderboardReport partnersBoard = open.board(annAsCaller, Scope.PARTNERS, null, period, noFilter);

        assertThat(reps.rows().get(2)).extracting(LeaderboardReport.Row::rep, LeaderboardReport.Row::lastName,
                LeaderboardReport.Row::partnerId).containsExactly(cleo, "Beta", beta);
        assertThat(partnersBoard.rows().get(1)).extracting(LeaderboardReport.Row::partnerId,
                LeaderboardReport.Row::partnerName).containsExactly(beta, "beta Inc.");
    }

    @Test
    void aRepReadsTheLedgerOfItsOwnPartnersReps() {
        JsonNode own = as(ann).get(ledger("&rep=" + ann)).json();
        assertThat(own.path("points").asLong()).isEqualTo(100);
        assertThat(entries(own)).extracting(e -> e.path("eventType").asText(), e -> e.path("points").asInt(),
                        e -> e.path("ruleId").asText())
                .containsExactly(tuple("ACCEPTED", 10, "Rule_Accepted"),
                        tuple("CONTACTED", 15, "Rule_Contacted"),
                        tuple("OPPORTUNITY_CREATED", 25, "Rule_OpportunityCreated"),
                        tuple("WON", 50, "Rule_WonMidSizeDeal"));
        assertThat(entries(own)).allMatch(e -> e.path("reason").asText().length() > 10
                && e.path("decisionVersion").asInt() > 0 && e.path("partnerId").asText().equals(alpha));

        assertThat(as(ann).get(ledger("&rep=" + bob)).json().path("points").asLong()).isEqualTo(20);
        JsonNode partnerLedger = as(ann).get(ledger("")).json();
        assertThat(partnerLedger.path("partner").asText()).isEqualTo(alpha);
        assertThat(partnerLedger.path("points").asLong()).isEqualTo(120);
        assertThat(entries(partnerLedger)).hasSize(7);

        assertThat(as(ann).get(ledger("&rep=" + cleo)).status()).isEqualTo(403);
        assertThat(as(ann).get(ledger("&partner=" + beta)).status()).isEqualTo(403);
    }

    @Test
    void aChannelManagerReadsAnyonesLedgerAlsoAsCsv() {
        JsonNode withdrawn = carol().get(ledger("&rep=" + cleo)).json();
        assertThat(withdrawn.path("points").asLong()).isEqualTo(20);
        assertThat(entries(withdrawn)).extracting(e -> e.path("eventType").asText(), e -> e.path("points").asInt())
                .containsExactly(tuple("ACCEPTED", 10),
                        tuple("ACCEPTED", 10),
                        tuple("CONTACTED", 15),
                        tuple("LOST", 5),
                        tuple("WITHDRAWN", -20));

        Raw csv = raw("carol", ledger("&partner=" + beta + "&format=csv"), "application/json");
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", LedgerEntry.CSV_HEADER));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).contains("," + beta + "," + cleo + ",WITHDRAWN,-20,")
                .contains(",Rule_WithdrawnUncontacted,");
    }

    @Test
    void namesEveryBadParameter() {
        ApiClient.Response bad = carol().get("/api/reports/leaderboard?from=yesterday&scope=teams&tier=BRONZE"
                + "&country=XX&region=California&segment=small%20business&format=xml");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("from", "scope", "tier", "country", "region", "segment",
                "format");

        assertThat(fields(carol().get(board("partners", "&partner=" + alpha)))).containsExactly("partner");
        assertThat(fields(carol().get(board("reps", "&partner=no-such-partner")))).containsExactly("partner");
        assertThat(fields(carol().get("/api/reports/leaderboard?from=2030-01-02&to=2030-01-01"))).containsExactly("to");
        assertThat(fields(carol().get(board("reps", "&country=US&region=DE-BY")))).containsExactly("region");
        assertThat(fields(carol().get(board("reps", "&segmnt=SMB")))).as("a typo must not widen the board")
                .containsExactly("segmnt");
        assertThat(fields(carol().get(board("reps", "&groupBy=tier")))).containsExactly("groupBy");
        assertThat(fields(carol().get(board("reps", "&campaign=a&campaign=b")))).containsExactly("campaign");
        assertThat(fields(carol().get(ledger("&rep=&to=soon")))).containsExactlyInAnyOrder("rep", "to");
        Raw problemForCsv = raw("carol", "/api/reports/leaderboard?scope=teams", "text/csv");
        assertThat(problemForCsv.status()).isEqualTo(400);
        assertThat(problemForCsv.body()).contains("scope");
    }

    @Test
    void needsALogin() {
        assertThat(ApiClient.anonymous(port).get("/api/reports/leaderboard").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/rewards/ledger").status()).isEqualTo(401);
    }

    private String rep(String partnerId, String firstName, String lastName) {
        String username = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        partners.addRep(partnerId, new RepRequest(username, firstName, lastName, username + "@partner.example",
                LeadFixtures.PASSWORD));
        return username;
    }

    private static Caller caller(String username, String partnerId) {
        return new Caller(username, Set.of("partner-" + partnerId));
    }

    private String period() {
        return "from=" + start.minus(Duration.ofHours(1)) + "&to=" + start.plus(Duration.ofDays(10));
    }

    private String board(String scope, String more) {
        return "/api/reports/leaderboard?" + period() + "&scope=" + scope + more;
    }

    private String ledger(String more) {
        return "/api/rewards/ledger?" + period() + more;
    }

    private ApiClient carol() {
        return ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }

    private static List<JsonNode> rows(JsonNode board) {
        List<JsonNode> rows = new ArrayList<>();
        board.path("rows").forEach(rows::add);
        return rows;
    }

    private static List<JsonNode> entries(JsonNode statement) {
        List<JsonNode> entries = new ArrayList<>();
        statement.path("entries").forEach(entries::add);
        return entries;
    }

    private static List<String> fields(ApiClient.Response problem) {
        assertThat(problem.status()).as(problem.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** A response as it comes over the wire, for CSV: ApiClient always asks for JSON. */
    private record Raw(int status, String contentType, String disposition, String body) {
    }

    private Raw raw(String username, String path, String accept) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + LeadFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept", accept).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

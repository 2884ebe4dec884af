package io.leadbridge.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points, ledger and leaderboard on PostgreSQL: a rep accepts and contacts a lead on time, then
 * misses the contact SLA on a second one; the ledger and both boards over HTTP show 10 + 15 and
 * 10 - 20 points (mid-market grade B leads, see reward-points.dmn).
 */
@PostgresTest
class RewardsPostgresIT {

    @LocalServerPort int port;
    @Autowired EngineDriver engine;
    @Autowired LeadFixtures fixtures;
    @Autowired LeadActions actions;
    @Autowired LeaderboardDays days;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void theLedgerAndTheLeaderboardCountTheRepsStepsOnPostgres() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(4000));
        ClockUtil.setCurrentTime(Date.from(start));
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        Caller caller = new Caller(rep, Set.of("partner-" + partner));
        long contacted = fixtures.submit(fixtures.partnerLead("US"));
        long forgotten = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();

        actions.acceptOffer(contacted, caller);
        actions.reportContact(contacted, ContactOutcome.CONTACTED, "intro call", caller);
        actions.acceptOffer(forgotten, caller);
        engine.passTime(Duration.ofDays(3).plusMinutes(1));

        String period = "from=" + start + "&to=" + start.plus(Duration.ofDays(10));
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        JsonNode ledger = admin.get("/api/rewards/ledger?" + period + "&rep=" + rep).json();
        assertThat(entries(ledger)).extracting(e -> e.path("eventType").asText(), e -> e.path("points").asInt())
                .containsExactly(tuple("ACCEPTED", 10), tuple("CONTACTED", 15), tuple("ACCEPTED", 10),
                        tuple("WITHDRAWN", -20));
        JsonNode reps = admin.get("/api/reports/leaderboard?" + period + "&partner=" + partner).json();
        assertThat(reps.path("rows")).singleElement().satisfies(row -> {
            assertThat(row.path("rep").asText()).isEqualTo(rep);
            assertThat(row.path("points").asLong()).isEqualTo(15);
            assertThat(row.path("onTimeSteps").asLong()).isEqualTo(3);
            assertThat(row.path("timedSteps").asLong()).isEqualTo(3);
        });
        JsonNode partners = admin.get("/api/reports/leaderboard?" + period + "&scope=partners&country=US"
                + "&tier=GOLD&segment=MID_MARKET").json();
        assertThat(partners.path("rows")).singleElement()
                .satisfies(row -> assertThat(row.path("points").asLong()).isEqualTo(15));
        ApiClient.Response csv = admin.get("/api/reports/leaderboard?" + period + "&scope=partners&format=csv");
        assertThat(csv.body()).contains("," + partner + ",alpha Inc.,GOLD,15,0,1.000,3,3");
    }

    @Test
    void pointsOfOneRepAndDayWrittenAtTheSameMomentAllCount() throws Exception {
        String partner = fixtures.partner("race", PartnerTier.GOLD, "US");
        Instant at = Instant.parse("2001-02-03T10:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            writes.add(threads.submit(() -> {
                go.await();
                transactions.executeWithoutResult(tx -> days.addPoints(at, partner, "racer", 5));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> write : writes) {
            write.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(jdbc.sql("select points from leaderboard_day where partner_id = :partner and rep_key = 'racer'")
                .param("partner", partner).query(Long.class).single()).isEqualTo(80);
    }

    private static List<JsonNode> entries(JsonNode statement) {
        List<JsonNode> entries = new ArrayList<>();
        statement.path("entries").forEach(entries::add);
        return entries;
    }
}

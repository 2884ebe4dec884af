package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.partner.PartnerRequest;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.routing.RoutingDecisionLog;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.routing.RoutingDecisionLog.RoutingDecision;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fairness report over HTTP against hand counts: leads really routed by the rules, and a
 * skewed history written straight into {@code routing_decision}. Each test looks at a period of
 * its own, years back, so the decisions of other tests sharing the context stay out.
 */
@LeadbridgeTest
class FairnessReportTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;
    @Autowired RoutingDecisionLog decisions;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    /** Pairs of days handed out by {@link #privatePeriodStart()} in this run. */
    private static final Set<Long> PERIODS_TAKEN = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void leaveNoTimersBehind() {
        engine.resetClock();
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void partnersOfARotationReceiveWhatTheirWeightsEntitleThemToAndAreJudgedFair() {
        String platinum = partner("platinum", PartnerTier.PLATINUM);
        String gold = partner("gold", PartnerTier.GOLD);
        String silver = partner("silver", PartnerTier.SILVER);
        Instant start = privatePeriodStart();
        ClockUtil.setCurrentTime(Date.from(start));

        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // Mid-market grade B: one partner per lead (small hot leads would be raced by several).
            long lead = fixtures.submit(fixtures.lead("US", 70, 250, "Networking", "Retail"));
            engine.runDueJobs();
            leads.add(lead);
        }

        Map<String, Integer> received = new HashMap<>();
        Map<String, Double> entitled = new HashMap<>();
        for (long lead : leads) {
            received.merge(fixtures.lead(lead).partnerId(), 1, Integer::sum);
            for (RoutingDecision decision : decisions.forLead(lead)) {
                assertThat(decision.method()).isEqualTo(Method.RULES);
                List<Candidate> competed = decision.candidates().stream().filter(c -> c.skipped() == null).toList();
                double total = competed.stream().mapToInt(Candidate::weight).sum();
                competed.forEach(c -> entitled.merge(c.partnerId(), c.weight() / total, Double::sum));
            }
        }
        assertThat(received.keySet()).containsExactlyInAnyOrder(platinum, gold, silver);

        JsonNode report = asAdmin("/api/reports/fairness?from=" + start + "&to=" + start.plus(Duration.ofHours(1)));

        assertThat(report.path("period").path("from").asText()).isEqualTo(start.toString());
        assertThat(report.path("totals").path("decisions").asLong()).isEqualTo(16);
        assertThat(report.path("totals").path("leadsRouted").asLong()).isEqualTo(16);
        assertThat(report.path("totals").path("decisionsWithoutPartner").asLong()).isZero();
        Map<String, JsonNode> rows = rowsById(report);
        assertThat(rows.keySet()).containsExactlyInAnyOrder(platinum, gold, silver);
        for (String partner : List.of(platinum, gold, silver)) {
            JsonNode row = rows.get(partner);
            assertThat(row.path("received").asInt()).as(partner).isEqualTo(received.get(partner));
            assertThat(row.path("entitled").asDouble()).as(partner).isCloseTo(entitled.get(partner), within(0.006));
            assertThat(row.path("drift").asDouble()).as(partner)
                    .isCloseTo(received.get(partner) - entitled.get(partner), within(0.006));
            assertThat(row.path("verdict").asText()).as(partner).isEqualTo("FAIR");
        }
        assertThat(rows.get(platinum).path("tier").asText()).isEqualTo("PLATINUM");
        assertThat(rows.get(silver).path("name").asText()).isEqualTo("silver");
        assertThat(driftsInOrder(report)).isSorted();
    }

    @Test
    void aPartnerThatWinsEveryTimeIsFloodedAndItsRivalsAreStarved() {
        String favourite = partner("favourite", PartnerTier.GOLD);
        String steady = partner("steady", PartnerTier.GOLD);
        String slightlyShort = partner("short", PartnerTier.GOLD);
        String starved = partner("starved", PartnerTier.GOLD);
        String skippedAlways = partner("skipped", PartnerTier.GOLD);
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Instant start = privatePeriodStart();

        // 20 leads, four partners of equal weight: 5 each by right. 9, 5, 4 and 2 in fact.
        List<Candidate> field = List.of(new Candidate(favourite, 10, null), new Candidate(steady, 10, null),
                new Candidate(slightlyShort, 10, null), new Candidate(starved, 10, null),
                new Candidate(skippedAlways, 10, "covers US but not specifically US-CA, and partners of that region are"
                        + " available"));
        List<String> winners = new ArrayList<>();
        winners.addAll(List.of(favourite, favourite, favourite, favourite, favourite, favourite, favourite, favourite,
                favourite));
        winners.addAll(List.of(steady, steady, steady, steady, steady));
        winners.addAll(List.of(slightlyShort, slightlyShort, slightlyShort, slightlyShort));
        winners.addAll(List.of(starved, starved));
        for (int i = 0; i < winners.size(); i++) {
            insertDecision(lead, start.plusSeconds(60L * i), Method.RULES, winners.get(i), field);
        }
        // Not the rules' doing, or not in the period: left out.
        insertDecision(lead, start.plusSeconds(30), Method.PROTECTED_ACCOUNT, favourite, List.of());
        insertDecision(lead, start.plusSeconds(90), Method.MANUAL, starved, List.of());
        insertDecision(lead, start.plus(Duration.ofDays(1)), Method.RULES, favourite, field);
        insertDecision(lead, start.minusMillis(1), Method.RULES, favourite, field);
        // No partner was eligible: counted, but nobody's entitlement.
        insertDecision(lead, start.plusSeconds(45), Method.RULES, null, List.of(new Candidate(favourite, null,
                "suspended")));

        JsonNode report = asAdmin("/api/reports/fairness?from=" + start + "&to=" + start.plus(Duration.ofDays(1)));

        assertThat(report.path("totals").path("decisions").asLong()).isEqualTo(20);
        assertThat(report.path("totals").path("leadsRouted").asLong()).isEqualTo(1);
        assertThat(report.path("totals").path("decisionsWithoutPartner").asLong()).isEqualTo(1);
        List<String> order = new ArrayList<>();
        report.path("partners").forEach(row -> order.add(row.path("partnerId").asText()));
        assertThat(order).as("most starved first").containsExactly(starved, slightlyShort, steady, favourite);
        Map<String, JsonNode> rows = rowsById(report);
        assertRow(rows.get(favourite), 9, 5.0, 4.0, 0.8, "FLOODED");
        assertRow(rows.get(steady), 5, 5.0, 0.0, 0.0, "FAIR");
        assertRow(rows.get(slightlyShort), 4, 5.0, -1.0, -0.2, "FAIR");
        assertRow(rows.get(starved), 2, 5.0, -3.0, -0.6, "STARVED");
        assertThat(report.path("verdictRule").asText()).contains("STARVED", "FLOODED", "0.2");
    }

    @Test
    void onlyVendorUsersSeeTheReportAndBadDatesAreNamed() {
        String partner = partner("reporting", PartnerTier.SILVER);
        String rep = fixtures.rep(partner);

        assertThat(ApiClient.as(port, rep, LeadFixtures.PASSWORD).get("/api/reports/fairness").status())
                .isEqualTo(403);

        JsonNode byDefault = asAdmin("/api/reports/fairness");
        Instant from = Instant.parse(byDefault.path("period").path("from").asText());
        Instant to = Instant.parse(byDefault.path("period").path("to").asText());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(30));
        assertThat(to).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

        JsonNode may = asAdmin("/api/reports/fairness?from=2026-05-01&to=2026-05-31");
        assertThat(may.path("period").path("from").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(may.path("period").path("to").asText()).as("a date as to includes that day")
                .isEqualTo("2026-06-01T00:00:00Z");

        assertThat(badRequestFields("?from=2026-13-01")).containsExactly("from");
        assertThat(badRequestFields("?from=2026-05-01&to=yesterday")).containsExactly("to");
        assertThat(badRequestFields("?from=&to=2026-05-01")).containsExactly("from");
        assertThat(badRequestFields("?from=2026-06-01&to=2026-05-01T00:00:00Z")).containsExactly("to");
        assertThat(badRequestFields("?from=soon&to=later")).containsExactly("from", "to");
    }

    private Instant privatePeriodStart() {
        // A day about ten years back that no other test uses. The reports look at a day from there, so two tests of
        // this class take days at least two apart: a random hour each once put one test's leads in the other's day.
        long pair;
        do {
            pair = ThreadLocalRandom.current().nextLong(180);
        } while (!PERIODS_TAKEN.add(pair));
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3650)).minus(Duration.ofDays(2 * pair));
    }

    private void insertDecision(long lead, Instant at, Method method, String winner, List<Candidate> candidates) {
        try {
            jdbc.sql("""
                    insert into routing_decision (lead_id, attempt, decided_at, method, winner, decisions, candidates)
                    values (:lead, 1, :at, :method, :winner, '[]', :candidates)""")
                    .param("lead", lead).param("at", Timestamp.from(at)).param("method", method.name())
                    .param("winner", winner).param("candidates", json.writeValueAsString(candidates))
                    .update();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRow(JsonNode row, int received, double entitled, double drift, double driftShare,
            String verdict) {
        String partner = row.path("partnerId").asText();
        assertThat(row.path("received").asInt()).as(partner).isEqualTo(received);
        assertThat(row.path("entitled").asDouble()).as(partner).isCloseTo(entitled, within(0.001));
        assertThat(row.path("drift").asDouble()).as(partner).isCloseTo(drift, within(0.001));
        assertThat(row.path("driftShare").asDouble()).as(partner).isCloseTo(driftShare, within(0.001));
        assertThat(row.path("verdict").asText()).as(partner).isEqualTo(verdict);
    }

    private JsonNode asAdmin(String path) {
        ApiClient.Response response = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> badRequestFields(String query) {
        ApiClient.Response response = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get("/api/reports/fairness" + query);
        assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static Map<String, JsonNode> rowsById(JsonNode report) {
        Map<String, JsonNode> rows = new HashMap<>();
        report.path("partners").forEach(row -> rows.put(row.path("partnerId").asText(), row));
        return rows;
    }

    private static List<Double> driftsInOrder(JsonNode report) {
        List<Double> drifts = new ArrayList<>();
        report.path("partners").forEach(row -> drifts.add(row.path("drift").asDouble()));
        return drifts;
    }

    private String partner(String prefix, PartnerTier tier) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        partners.create(new PartnerRequest(id, prefix, tier, null, 1000, prefix + "@partner.example", Set.of("US"),
                Set.of(), Set.of(), Set.of("Cloud", "Security", "Networking", "Analytics"),
                Set.of("HIPAA", "PCI-DSS"), Set.of(), Set.of()));
        return id;
    }
}

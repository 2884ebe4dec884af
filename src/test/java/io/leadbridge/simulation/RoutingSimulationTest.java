package io.leadbridge.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The what-if replay over leads routed through the live process, in a far-future period of
 * this test's own: unchanged tables change nothing, a stricter eligibility moves the leads of
 * SILVER partners, a qualification that nurtures some leads leaves them without a partner.
 */
@LeadbridgeTest
class RoutingSimulationTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;
    @Autowired AccessProvisioning access;

    private Instant from;
    private Instant to;
    private String gold;
    private String silver;
    /** Lead id → the partner it actually went to, in order of arrival. */
    private final Map<Long, String> actual = new LinkedHashMap<>();
    private final List<Long> gradeA = new ArrayList<>();
    private final List<Long> gradeB = new ArrayList<>();

    @BeforeEach
    void routeLeadsInAPeriodOfOurOwn() {
        fixtures.isolateFromEarlierTests();
        from = Instant.parse("2150-01-01T00:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(20_000)));
        to = from.plus(Duration.ofDays(1));
        ClockUtil.setCurrentTime(java.util.Date.from(from.plus(Duration.ofHours(1))));
        gold = fixtures.partner("gold", PartnerTier.GOLD, "US");
        silver = fixtures.partner("silver", PartnerTier.SILVER, "US");
        // Six leads: no partner reaches the five offers after which its rates count, so the ranking
        // as of now gives the weights the leads were routed with.
        for (int i = 0; i < 6; i++) {
            boolean hot = i % 2 == 0;
            long lead = fixtures.submit(fixtures.lead("US", hot ? 85 : 70, 250, "Cloud Platform", "Retail"));
            engine.runDueJobs();
            engine.passTimeWithoutJobs(Duration.ofMinutes(1));
            actual.put(lead, fixtures.lead(lead).partnerId());
            (hot ? gradeA : gradeB).add(lead);
        }
        engine.resetClock();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void withTheDeployedTablesEveryLeadKeepsItsPartner() {
        assertThat(actual.values()).as("both partners received leads").contains(gold, silver);

        JsonNode report = simulate(admin(), file("lead-qualification.dmn", deployed("lead-qualification.dmn")));

        assertThat(report.path("counts").path("leadsReplayed").asInt()).isEqualTo(6);
        assertThat(report.path("counts").path("unchanged").asInt()).isEqualTo(6);
        assertThat(report.path("counts").path("changed").asInt()).isZero();
        assertThat(report.path("changedLeads")).isEmpty();
        assertThat(partnerCounts(report, "actual")).isEqualTo(partnerCounts(report, "simulated"))
                .isEqualTo(count(actual.values()));
        assertThat(tables(report)).containsEntry("leadQualification", "CANDIDATE")
                .containsEntry("partnerEligibility", "DEPLOYED").containsEntry("partnerRanking", "DEPLOYED")
                .containsEntry("accountProtection", "DEPLOYED");
    }

    @Test
    void aStricterEligibilityMovesTheLeadsOfSilverPartners() {
        String table = deployed("partner-eligibility.dmn");
        String edited = table.replace("<text>\"SILVER\"</text>", "<text>\"GOLD\"</text>");
        assertThat(edited).isNotEqualTo(table);

        JsonNode report = simulate(admin(), file("partner-eligibility.dmn", edited));

        List<Long> wentToSilver = actual.entrySet().stream().filter(e -> silver.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(wentToSilver).isNotEmpty();
        Map<Long, JsonNode> changed = changedLeads(report);
        assertThat(changed.keySet()).containsExactlyInAnyOrderElementsOf(wentToSilver);
        changed.values().forEach(c -> {
            assertThat(c.path("actualPartner").asText()).isEqualTo(silver);
            assertThat(c.path("simulatedPartner").asText()).isEqualTo(gold);
            assertThat(c.path("reason").asText()).contains("GOLD+");
        });
        assertThat(report.path("changedLeadsTotal").asInt()).isEqualTo(wentToSilver.size());
        Map<String, Long> actualCounts = count(actual.values());
        assertThat(partnerCounts(report, "actual")).isEqualTo(actualCounts);
        assertThat(partnerCounts(report, "simulated")).isEqualTo(Map.of(gold, 6L));
        assertThat(partnerCounts(report, "difference")).containsEntry(gold, (long) wentToSilver.size())
                .containsEntry(silver, -(long) wentToSilver.size());
        assertThat(tierCounts(report, "GOLD")).containsExactly(actualCounts.get(gold), 6L);
        assertThat(tierCounts(report, "SILVER")).containsExactly(actualCounts.get(silver), 0L);
        assertThat(tables(report)).containsEntry("partnerEligibility", "CANDIDATE");
    }

    @Test
    void aQualificationThatNurturesSomeLeadsLeavesThemWithoutAPartner() {
        String table = deployed("lead-qualification.dmn");
        String tooEarly = table.substring(table.indexOf("<rule id=\"Rule_TooEarlyForSales\">"));
        tooEarly = tooEarly.substring(0, tooEarly.indexOf("</rule>"));
        String edited = table.replace(tooEarly, tooEarly.replace("<text>\"D\"</text>", "<text>\"B\",\"D\"</text>"));
        assertThat(edited).isNotEqualTo(table);

        JsonNode report = simulate(admin(), file("lead-qualification.dmn", edited));

        Map<Long, JsonNode> changed = changedLeads(report);
        assertThat(changed.keySet()).containsAll(gradeB);
        gradeB.forEach(lead -> {
            assertThat(changed.get(lead).path("actualPartner").asText()).isEqualTo(actual.get(lead));
            assertThat(changed.get(lead).path("simulatedPartner").isMissingNode()
                    || changed.get(lead).path("simulatedPartner").isNull()).isTrue();
            assertThat(changed.get(lead).path("reason").asText()).contains("NURTURE");
        });
        assertThat(report.path("counts").path("routedToPartner").asInt()).isEqualTo(gradeA.size());
        assertThat(report.path("counts").path("actuallyRoutedToPartner").asInt()).isEqualTo(6);
        JsonNode nurture = share(report.path("routes"), "NURTURE");
        assertThat(nurture.path("actual").asInt()).isZero();
        assertThat(nurture.path("simulated").asInt()).isEqualTo(gradeB.size());
    }

    @Test
    void aSimulationDeploysNothingAndWritesNothing() {
        long definitions = repository.createDecisionDefinitionQuery().count();
        long deployments = repository.createDeploymentQuery().count();
        long passes = jdbc.sql("select count(*) from rotation_pass").query(Long.class).single();
        String passSum = jdbc.sql("select cast(sum(pass) as varchar) from rotation_pass").query(String.class).single();
        long decisions = jdbc.sql("select count(*) from routing_decision").query(Long.class).single();

        String edited = deployed("partner-eligibility.dmn").replace("<text>\"SILVER\"</text>", "<text>\"GOLD\"</text>");
        simulate(admin(), file("partner-eligibility.dmn", edited));

        assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(jdbc.sql("select count(*) from rotation_pass").query(Long.class).single()).isEqualTo(passes);
        assertThat(jdbc.sql("select cast(sum(pass) as varchar) from rotation_pass").query(String.class).single())
                .isEqualTo(passSum);
        assertThat(jdbc.sql("select count(*) from routing_decision").query(Long.class).single()).isEqualTo(decisions);
    }

    @Test
    void aFileThatIsNotDmnIsRefusedByName() {
        Response refused = admin().postMultipart("/api/routing/simulations", new String[][] {
                {"file", "notes.dmn", "these are not decision tables"},
                {"from", null, from.toString()}, {"to", null, to.toString()}});

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("notes.dmn");
    }

    @Test
    void aDmnFileWithoutARoutingDecisionIsRefusedByName() {
        String other = deployed("sla-policy.dmn").replace("id=\"slaPolicy\"", "id=\"somethingElse\"");

        Response refused = admin().postMultipart("/api/routing/simulations", new String[][] {
                {"file", "other.dmn", other}, {"from", null, from.toString()}, {"to", null, to.toString()}});

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("other.dmn").contains("leadQualification");
    }

    @Test
    void aPartnerRepMayNotRunASimulation() {
        String rep = fixtures.rep(gold);

        Response refused = ApiClient.as(port, rep, LeadFixtures.PASSWORD).postMultipart("/api/routing/simulations",
                new String[][] {{"file", "lead-qualification.dmn", deployed("lead-qualification.dmn")},
                        {"from", null, from.toString()}, {"to", null, to.toString()}});

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aCandidateTableInJuelIsRefusedNamingTheElementAndNothingOfItRuns() {
        Path marker = Path.of("target", "replay-juel-marker-" + System.nanoTime()).toAbsolutePath();
        String juel = "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                + ".exec(\"touch " + marker + "\")}";
        String table = deployed("lead-qualification.dmn");
        String edited = table.replace(
                "<inputExpression id=\"InputExpression_Score\" typeRef=\"integer\">\n          <text>score</text>",
                "<inputExpression id=\"InputExpression_Score\" typeRef=\"integer\" expressionLanguage=\"juel\">\n"
                        + "          <text>" + juel.replace("&", "&amp;") + "</text>");
        assertThat(edited).isNotEqualTo(table);

        for (ApiClient caller : List.of(admin(), channelManager())) {
            Response refused = caller.postMultipart("/api/routing/simulations", new String[][] {
                    file("lead-qualification.dmn", edited), {"from", null, from.toString()}, {"to", null, to.toString()}});

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("detail").asText()).contains("lead-qualification.dmn")
                    .contains("inputExpression 'InputExpression_Score' in decision 'leadQualification'")
                    .contains("expressionLanguage \"juel\" is not FEEL");
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        }
        assertThat(marker).as("the expression never ran").doesNotExist();
    }

    @Test
    void aCandidateSlaPolicyWithARowNoLeadCouldUseIsRefusedNamingTableRowAndRule() {
        String table = deployed("sla-policy.dmn");
        String edited = table.replace("<outputEntry id=\"LiteralExpression_MidMarket_ContactReminder\">\n"
                + "          <text>\"P1D\"</text>", "<outputEntry id=\"LiteralExpression_MidMarket_ContactReminder\">\n"
                + "          <text>\"P5D\"</text>");
        assertThat(edited).isNotEqualTo(table);

        Response refused = admin().postMultipart("/api/routing/simulations", new String[][] {
                file("lead-qualification.dmn", deployed("lead-qualification.dmn")), file("sla-policy.dmn", edited),
                {"from", null, from.toString()}, {"to", null, to.toString()}});

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("sla-policy.dmn: table slaPolicy, row 4 "
                + "(Rule_MidMarket").contains("contactReminder P5D must be shorter than contactSla P3D");
    }

    @Test
    void aCandidateSlaPolicyWhoseWorkingTimeRowCannotBeCountedIsRefusedNamingTheRow() {
        // The mid-market row on working time as it stands: its accept reminder PT12H is more than its accept SLA
        // P1D, one working day of 8 hours.
        String edited = io.leadbridge.rules.DecisionFilesTest.editCell(deployed("sla-policy.dmn"),
                "LiteralExpression_MidMarket_Clock", "\"working\"");

        Response refused = admin().postMultipart("/api/routing/simulations", new String[][] {
                file("sla-policy.dmn", edited), {"from", null, from.toString()}, {"to", null, to.toString()}});

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("sla-policy.dmn: table slaPolicy, row 4 "
                + "(Rule_MidMarket").contains("acceptReminder PT12H must be shorter than acceptSla P1D in working time");
    }

    @Test
    void onlyThoseWhoMayChangeTheRulesRunAReplay() {
        String suffix = Long.toString(System.nanoTime(), 36);
        access.provisionUser("mkt-" + suffix, "Marketing", "Automation", null, LeadFixtures.PASSWORD);
        access.provisionUser("ivan-" + suffix, "Ivan", "Inside", null, LeadFixtures.PASSWORD, VendorGroups.INSIDE_SALES);
        access.provisionUser("anna-" + suffix, "Anna", "Analyst", null, LeadFixtures.PASSWORD,
                VendorGroups.BUSINESS_ANALYSTS);
        String[][] replay = {file("lead-qualification.dmn", deployed("lead-qualification.dmn")),
                {"from", null, from.toString()}, {"to", null, to.toString()}};

        for (String outsider : List.of("mkt-" + suffix, "ivan-" + suffix)) {
            Response refused = ApiClient.as(port, outsider, LeadFixtures.PASSWORD)
                    .postMultipart("/api/routing/simulations", replay);
            assertThat(refused.status()).as(outsider + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).contains("business analysts");
        }
        Response analyst = ApiClient.as(port, "anna-" + suffix, LeadFixtures.PASSWORD)
                .postMultipart("/api/routing/simulations", replay);
        assertThat(analyst.status()).as(analyst.body()).isEqualTo(200);
        assertThat(channelManager().postMultipart("/api/routing/simulations", replay).status()).isEqualTo(200);
    }

    @Test
    void aMissingInvalidInvertedOrTooLongPeriodIsRefusedNamingTheParameter() {
        String table = deployed("lead-qualification.dmn");
        assertThat(period(table, null, "2025-02-01")).contains("from");
        assertThat(period(table, "2025-01-01", "next week")).contains("to").contains("next week");
        assertThat(period(table, "2025-02-01", "2025-01-01")).contains("to").contains("after");
        assertThat(period(table, "2024-01-01", "2025-06-01")).contains("to").contains("366 days");
    }

    private String period(String table, String periodFrom, String periodTo) {
        List<String[]> parts = new ArrayList<>();
        parts.add(new String[] {"file", "lead-qualification.dmn", table});
        if (periodFrom != null) {
            parts.add(new String[] {"from", null, periodFrom});
        }
        parts.add(new String[] {"to", null, periodTo});
        Response refused = admin().postMultipart("/api/routing/simulations", parts.toArray(String[][]::new));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        return refused.json().path("detail").asText();
    }

    private JsonNode simulate(ApiClient client, String[] file) {
        Response response = client.postMultipart("/api/routing/simulations", new String[][] {
                file, {"from", null, from.toString()}, {"to", null, to.toString()}});
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ApiClient admin() {
        return ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
    }

    private ApiClient channelManager() {
        String username = "carol-" + Long.toString(System.nanoTime(), 36);
        access.provisionUser(username, "Carol", "Channel", null, LeadFixtures.PASSWORD, VendorGroups.CHANNEL_MANAGERS);
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }

    private static String[] file(String name, String content) {
        return new String[] {"file", name, content};
    }

    private static String deployed(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> count(Iterable<String> partnerIds) {
        Map<String, Long> counts = new HashMap<>();
        partnerIds.forEach(p -> counts.merge(p, 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> partnerCounts(JsonNode report, String field) {
        Map<String, Long> counts = new HashMap<>();
        report.path("partners").forEach(p -> {
            if (p.path(field).asLong() != 0) {
                counts.put(p.path("partnerId").asText(), p.path(field).asLong());
            }
        });
        return counts;
    }

    private static List<Long> tierCounts(JsonNode report, String tier) {
        for (JsonNode t : report.path("tiers")) {
            if (t.path("tier").asText().equals(tier)) {
                return List.of(t.path("actual").asLong(), t.path("simulated").asLong());
            }
        }
        throw new AssertionError("no tier " + tier + " in " + report.path("tiers"));
    }

    private static Map<String, String> tables(JsonNode report) {
        Map<String, String> sources = new HashMap<>();
        report.path("tables").forEach(t -> sources.put(t.path("key").asText(), t.path("source").asText()));
        return sources;
    }

    private static Map<Long, JsonNode> changedLeads(JsonNode report) {
        Map<Long, JsonNode> changed = new HashMap<>();
        report.path("changedLeads").forEach(c -> changed.put(c.path("leadId").asLong(), c));
        return changed;
    }

    private static JsonNode share(JsonNode shares, String value) {
        for (JsonNode s : shares) {
            if (s.path("value").asText().equals(value)) {
                return s;
            }
        }
        throw new AssertionError("no " + value + " in " + shares);
    }
}

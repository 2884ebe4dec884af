package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.partner.PartnerRequest;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import io.leadbridge.routing.RoutingDecisionLog.RoutingDecision;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Routing with the real tables: shares by weight, skips with reasons, regions first, explanations. */
@LeadbridgeTest
class PartnerRoutingTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;
    @Autowired RoutingDecisionLog decisions;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void leadsOfAPoolAreSharedByTheRankingWeightOfEachTier() {
        String platinum = partner("platinum", PartnerTier.PLATINUM, 1000, Set.of("US"), Set.of());
        String gold = partner("gold", PartnerTier.GOLD, 1000, Set.of("US"), Set.of());
        String silver = partner("silver", PartnerTier.SILVER, 1000, Set.of("US"), Set.of());

        Map<String, Integer> received = new HashMap<>();
        for (int i = 0; i < 45; i++) {
            long lead = route(fixtures.lead("US", 70, 250, "Networking", "Retail"));
            received.merge(fixtures.lead(lead).partnerId(), 1, Integer::sum);
        }

        // Weights 40, 30 and 20 (tier bases, no history yet): 20, 15 and 10 of 45 mid-market leads.
        assertThat(received.get(platinum)).isBetween(19, 21);
        assertThat(received.get(gold)).isBetween(14, 16);
        assertThat(received.get(silver)).isBetween(9, 11);
    }

    @Test
    void suspendedPartnersPartnersAtCapacityAndEarlierHoldersAreSkippedWithTheReason() {
        String suspended = partner("suspended", PartnerTier.PLATINUM, 100, Set.of("US"), Set.of());
        String full = partner("full", PartnerTier.PLATINUM, 1, Set.of("US"), Set.of());
        String open = partner("open", PartnerTier.SILVER, 100, Set.of("US"), Set.of());
        jdbc.sql("insert into partner_standing (partner_id, standing, since, updated_at) values (:p, 'SUSPENDED', :t, :t)")
                .param("p", suspended).param("t", Timestamp.from(Instant.now())).update();
        fixtures.partnerStatus(PartnerStatus.INACTIVE, List.of(suspended, open));
        long filling = route(fixtures.partnerLead("US"));
        assertThat(fixtures.lead(filling).partnerId()).isEqualTo(full);
        fixtures.partnerStatus(PartnerStatus.ACTIVE, List.of(suspended, open));

        long lead = route(fixtures.partnerLead("US"));

        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(open);
        RoutingDecision decision = decisions.forLead(lead).get(0);
        assertThat(decision.winner()).isEqualTo(open);
        assertThat(reasons(decision)).containsEntry(suspended, "suspended")
                .containsEntry(full, "at capacity (1 of 1 open leads)");
        assertThat(decision.candidates()).anyMatch(c -> c.partnerId().equals(open) && c.weight() == 20);
    }

    @Test
    void partnersOfTheLeadsRegionComeBeforePartnersOfTheWholeCountry() {
        String california = partner("california", PartnerTier.SILVER, 1, Set.of(), Set.of("US-CA"));
        String nationwide = partner("nationwide", PartnerTier.PLATINUM, 100, Set.of("US"), Set.of());

        long inCalifornia = route(inRegion("US-CA"));
        long inNewYork = route(inRegion("US-NY"));
        long withoutRegion = route(fixtures.partnerLead("US"));
        long californiaFull = route(inRegion("US-CA"));

        assertThat(fixtures.lead(inCalifornia).partnerId()).isEqualTo(california);
        assertThat(fixtures.lead(inNewYork).partnerId()).isEqualTo(nationwide);
        assertThat(fixtures.lead(withoutRegion).partnerId()).isEqualTo(nationwide);
        assertThat(fixtures.lead(californiaFull).partnerId()).as("the region's partner is full: the country's turn")
                .isEqualTo(nationwide);
        assertThat(reasons(decisions.forLead(inCalifornia).get(0))).containsKey(nationwide);
    }

    @Test
    void aPartnersChangedTerritoryCountsFromTheNextChoice() {
        String nationwide = partner("nationwide", PartnerTier.PLATINUM, 100, Set.of("US"), Set.of());
        String texas = partner("texas", PartnerTier.SILVER, 100, Set.of("CA"), Set.of());
        long before = route(inRegion("US-TX"));

        partners.update(texas, new PartnerRequest(texas, "texas", PartnerTier.SILVER, null, 100, "texas@partner.example",
                Set.of("CA"), Set.of(), Set.of(), Set.of("Cloud", "Security", "Networking", "Analytics"),
                Set.of("HIPAA", "PCI-DSS"), Set.of(), Set.of("US-TX")));
        long after = route(inRegion("US-TX"));

        assertThat(fixtures.lead(before).partnerId()).isEqualTo(nationwide);
        assertThat(fixtures.lead(after).partnerId()).as("the partner now covers the lead's region").isEqualTo(texas);
    }

    @Test
    void theExplanationOfARoutedLeadNamesTheTablesRowsCandidatesAndWinner() {
        String winner = partner("winner", PartnerTier.GOLD, 100, Set.of("DE"), Set.of());
        String other = partner("other", PartnerTier.REGISTERED, 100, Set.of("DE"), Set.of());
        String rep = fixtures.rep(winner);
        long lead = route(fixtures.lead("DE", 85, 5000, "Security Suite", "Healthcare"));
        assertThat(fixtures.lead(lead).status().name()).as("enterprise grade A needs PLATINUM").isEqualTo("UNASSIGNED");
        partner("platinum", PartnerTier.PLATINUM, 100, Set.of("DE"), Set.of());
        long routed = route(fixtures.lead("DE", 70, 500, "Security Suite", "Retail"));
        String holder = fixtures.lead(routed).partnerId();

        JsonNode vendorView = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get("/api/leads/" + routed + "/routing").json();

        JsonNode decision = vendorView.path("decisions").get(0);
        assertThat(decision.path("method").asText()).isEqualTo("RULES");
        assertThat(decision.path("winner").asText()).isEqualTo(holder);
        List<String> tables = new ArrayList<>();
        decision.path("decisions").forEach(d -> tables.add(d.path("key").asText()));
        assertThat(tables).contains("partnerEligibility", "partnerRanking", "partnerBaseWeight");
        JsonNode eligibility = decision.path("decisions").get(0);
        assertThat(eligibility.path("version").asInt()).isPositive();
        assertThat(eligibility.path("rows")).isNotEmpty();
        eligibility.path("rows").forEach(row -> assertThat(row.path("annotation").asText()).isNotBlank());
        assertThat(decision.path("candidates").findValuesAsText("partnerId")).contains(winner, other);

        if (holder.equals(winner)) {
            JsonNode partnerView = ApiClient.as(port, rep, LeadFixtures.PASSWORD)
                    .get("/api/leads/" + routed + "/routing").json();
            assertThat(partnerView.path("offers")).hasSize(1);
            assertThat(partnerView.path("offers").get(0).path("why").asText()).contains("weighted rotation");
            assertThat(partnerView.toString()).doesNotContain(other).doesNotContain("platinum-");
        }
    }

    @Test
    void aPartnerSeesOnlyItsOwnOffersExplainedWithoutOtherPartnersNames() {
        String first = partner("first", PartnerTier.GOLD, 100, Set.of("FR"), Set.of());
        String second = partner("second", PartnerTier.GOLD, 100, Set.of("FR"), Set.of());
        long lead = route(fixtures.partnerLead("FR"));
        String holder = fixtures.lead(lead).partnerId();
        String next = holder.equals(first) ? second : first;
        String holderRep = fixtures.rep(holder);
        String nextRep = fixtures.rep(next);
        engine.passTime(java.time.Duration.ofDays(1).plusMinutes(1));
        engine.resetClock();

        JsonNode nextView = ApiClient.as(port, nextRep, LeadFixtures.PASSWORD).get("/api/leads/" + lead + "/routing")
                .json();
        assertThat(nextView.path("offers")).hasSize(1);
        assertThat(nextView.toString()).doesNotContain(holder);
        assertThat(ApiClient.as(port, holderRep, LeadFixtures.PASSWORD).get("/api/leads/" + lead + "/routing").status())
                .as("the withdrawn partner no longer sees the lead").isEqualTo(403);
        assertThat(ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).get("/api/leads/" + lead + "/routing").json()
                .path("decisions")).hasSize(2);
    }

    private long route(LeadSubmission submission) {
        long lead = fixtures.submit(submission);
        engine.runDueJobs();
        return lead;
    }

    private LeadSubmission inRegion(String region) {
        LeadSubmission s = fixtures.partnerLead("US");
        var a = s.account();
        return new LeadSubmission(s.externalId(), s.source(), s.campaign(), s.product(), s.score(), s.contact(),
                new LeadSubmission.Account(a.name(), a.domain(), a.industry(), a.country(), a.employees(),
                        a.annualRevenue(), region), s.notes());
    }

    private String partner(String prefix, PartnerTier tier, int capacity, Set<String> countries, Set<String> regions) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        partners.create(new PartnerRequest(id, prefix, tier, null, capacity, prefix + "@partner.example", countries,
                Set.of(), Set.of(), Set.of("Cloud", "Security", "Networking", "Analytics"),
                Set.of("HIPAA", "PCI-DSS"), Set.of(), regions));
        return id;
    }

    private static Map<String, String> reasons(RoutingDecision decision) {
        Map<String, String> reasons = new HashMap<>();
        for (Candidate c : decision.candidates()) {
            if (c.skipped() != null) {
                reasons.put(c.partnerId(), c.skipped());
            }
        }
        return reasons;
    }
}

package io.leadbridge.routing;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.routing.PartnerSelector.LeadNeeds;
import io.leadbridge.routing.StrideRotation.Contender;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long choosing a partner takes with 10,000 partners. Not part of {@code ./mvnw verify};
 * run it with {@code ./mvnw -Pbenchmark test} and copy the printed figures to docs/benchmarks.md.
 */
@LeadbridgeTest
class PartnerSelectionBenchmark {

    private static final int PARTNERS = 10_000;
    private static final int ROUNDS = 200;
    private static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "SE", "ES", "IT", "AU",
            "JP", "BR", "MX", "IN", "SG", "CH", "AT", "BE", "DK", "NO", "FI", "IE", "PL", "PT", "CZ", "NZ", "ZA",
            "AR", "CL", "CO", "KR", "TW", "HK", "MY", "TH", "PH", "ID", "IL", "AE", "SA"};

    @Autowired PartnerSelector selector;
    @Autowired PartnerDirectory directory;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired io.leadbridge.partner.PartnerRepository partnerRepository;
    @Autowired PartnerPerformance performance;
    @Autowired PartnerRankingRules ranking;
    @Autowired StandingLookup standings;
    @Autowired LeadOfferLog offerLog;

    @BeforeEach
    void tenThousandPartners() {
        fixtures.isolateFromEarlierTests();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> partners = new ArrayList<>();
        List<Object[]> capabilities = new ArrayList<>();
        PartnerTier[] tiers = PartnerTier.values();
        for (int i = 0; i < PARTNERS; i++) {
            String id = String.format("bench-%05d", i);
            partners.add(new Object[] {id, "Bench " + i, tiers[i % tiers.length].name(), "ACTIVE", 100_000, now, now});
            capabilities.add(new Object[] {id, "COUNTRY", COUNTRIES[i % COUNTRIES.length]});
            capabilities.add(new Object[] {id, "COUNTRY", "US"});
            capabilities.add(new Object[] {id, "COMPETENCY", "Networking"});
        }
        jdbc.batchUpdate("insert into partner (id, name, tier, status, capacity, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", partners);
        jdbc.batchUpdate("insert into partner_capability (partner_id, kind, capability) values (?, ?, ?)",
                capabilities.stream().distinct().filter(c -> true).toList().stream()
                        .collect(java.util.stream.Collectors.toMap(c -> c[0] + "/" + c[1] + "/" + c[2], c -> c,
                                (a, b) -> a, java.util.LinkedHashMap::new)).values().stream().toList());
    }

    @Test
    void choosingAPartner() {
        directory.active();
        PartnerRequirements requirements = new PartnerRequirements(PartnerTier.REGISTERED, Set.of("Networking"),
                Set.of(), Set.of("DE"));
        LeadNeeds realistic = new LeadNeeds("MID_MARKET", "Retail", "Networking", "DE", null, requirements);
        LeadNeeds everyone = new LeadNeeds("MID_MARKET", "Retail", "Networking", "US", null,
                new PartnerRequirements(PartnerTier.REGISTERED, Set.of("Networking"), Set.of(), Set.of("US")));

        report("select(): 10,000 partners, 250 cover the lead's country", time(() -> selector.select(-1, realistic)));
        report("  part: partner directory stamp", time(() -> partnerRepository.stamp()));
        report("  part: directory.active()", time(() -> directory.active()));
        List<String> deIds = directory.active().stream().filter(p -> p.coversCountry("DE")).map(p -> p.id()).toList();
        report("  part: openLeadCounts(250)", time(() -> partnerRepository.openLeadCounts(deIds)));
        report("  part: performance.of(250)", time(() -> performance.of(deIds)));
        report("  part: ranking.currentVersion()", time(() -> ranking.currentVersion()));
        report("  part: standings.notGood()", time(() -> standings.notGood()));
        report("  part: offers.partnersThatHad()", time(() -> offerLog.partnersThatHad(-1)));
        report("select(): 10,000 partners, all 10,000 eligible", time(() -> selector.select(-1, everyone)));

        List<Contender> contenders = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            contenders.add(new Contender(String.format("bench-%05d", i), 10 + (i % 4) * 10));
        }
        Map<String, Double> passes = new HashMap<>();
        report("StrideRotation.choose(): 10,000 contenders, in memory", time(() -> {
            var pick = StrideRotation.choose(contenders, passes).orElseThrow();
            passes.putAll(pick.joined());
            passes.put(pick.partnerId(), pick.passAfter());
            return pick;
        }));
    }

    private static double[] time(java.util.function.Supplier<?> work) {
        for (int i = 0; i < 20; i++) {
            work.get();
        }
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf("BENCHMARK %-60s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%d rounds)%n", what,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1],
                sorted.length);
    }
}

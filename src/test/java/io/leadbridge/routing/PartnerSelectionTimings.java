package io.leadbridge.routing;

import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.PartnerSelector.LeadNeeds;
import io.leadbridge.routing.StrideRotation.Contender;
import io.leadbridge.support.LeadFixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long choosing a partner takes with 10,000 partners and a history of 150,000 offers, each
 * choice in a transaction of its own as routing runs it, timed inside it (routing commits the
 * choice together with the offer; one case adds the commit) (the history is loaded by SQL, then
 * {@link PartnerRoutingStats#recountAll()} counts it). The database is the subclass's
 * ({@link PartnerSelectionBenchmark}: H2, {@link PartnerSelectionPostgresBenchmark}: PostgreSQL).
 * Not part of {@code ./mvnw verify}; figures go to docs/benchmarks.md.
 */
abstract class PartnerSelectionTimings {

    private static final int PARTNERS = 10_000;
    private static final int LEADS = 50_000;
    private static final int OFFERS_PER_LEAD = 3;
    private static final int WARM_UP = 100;
    private static final int ROUNDS = 200;
    private static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "SE", "ES", "IT", "AU",
            "JP", "BR", "MX", "IN", "SG", "CH", "AT", "BE", "DK", "NO", "FI", "IE", "PL", "PT", "CZ", "NZ", "ZA",
            "AR", "CL", "CO", "KR", "TW", "HK", "MY", "TH", "PH", "ID", "IL", "AE", "SA"};
    /** Lead statuses of the history, in proportion: most closed, some still worked by their partner. */
    private static final String[] LEAD_STATUSES = {"WON", "LOST", "LOST", "CONTACTED", "ACCEPTED", "OPPORTUNITY",
            "LOST", "WON", "OFFERED", "LOST"};
    /** How the history's offers ended (null: still open), with the close reason. */
    private static final String[][] OFFER_ENDS = {{"ACCEPTED", null}, {"DECLINED", null},
            {"WITHDRAWN", "ACCEPT_SLA_MISSED"}, {"ACCEPTED", null}, {"WITHDRAWN", "COMPETITION_LOST"},
            {"DECLINED", null}, {"WITHDRAWN", "CHANNEL_MANAGER"}, {"ACCEPTED", null}, {null, null}};

    @Autowired PartnerSelector selector;
    @Autowired PartnerDirectory directory;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired PartnerRepository partnerRepository;
    @Autowired PartnerPerformance performance;
    @Autowired PartnerRankingRules ranking;
    @Autowired StandingLookup standings;
    @Autowired LeadOfferLog offerLog;
    @Autowired PartnerRoutingStats stats;
    @Autowired RotationPasses passes;

    @BeforeEach
    void tenThousandPartnersWithAHistory() {
        fixtures.isolateFromEarlierTests();
        long started = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> partners = new ArrayList<>();
        Map<String, Object[]> capabilities = new LinkedHashMap<>();
        PartnerTier[] tiers = PartnerTier.values();
        for (int i = 0; i < PARTNERS; i++) {
            String id = partnerId(i);
            partners.add(new Object[] {id, "Bench " + i, tiers[i % tiers.length].name(), "ACTIVE", 100_000, now, now});
            for (String[] capability : new String[][] {{"COUNTRY", COUNTRIES[i % COUNTRIES.length]}, {"COUNTRY", "US"},
                    {"COMPETENCY", "Networking"}}) {
                capabilities.putIfAbsent(id + "/" + capability[0] + "/" + capability[1],
                        new Object[] {id, capability[0], capability[1]});
            }
        }
        jdbc.batchUpdate("insert into partner (id, name, tier, status, capacity, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", partners);
        jdbc.batchUpdate("insert into partner_capability (partner_id, kind, capability) values (?, ?, ?)",
                List.copyOf(capabilities.values()));
        partnerRepository.directoryChanged();
        history();
        stats.recountAll();
        System.out.printf("BENCHMARK data: %,d partners, %,d leads, %,d offers, %,d strikes in %.1f s%n", PARTNERS,
                LEADS, LEADS * OFFERS_PER_LEAD, jdbc.queryForObject("select count(*) from partner_strike", Long.class),
                (System.nanoTime() - started) / 1e9);
    }

    /** 50,000 leads over the last 120 days, three offers each, to partners all over the directory. */
    private void history() {
        Instant now = Instant.now();
        jdbc.update("insert into account (name, domain, country, created_at, updated_at) "
                + "values ('Bench Corp', 'bench.example', 'US', ?, ?)", Timestamp.from(now), Timestamp.from(now));
        long account = jdbc.queryForObject("select id from account where domain = 'bench.example'", Long.class);
        jdbc.update("insert into contact (account_id, first_name, last_name, email, created_at, updated_at) "
                + "values (?, 'Ben', 'Ch', 'ben@bench.example', ?, ?)", account, Timestamp.from(now), Timestamp.from(now));
        long contact = jdbc.queryForObject("select id from contact where email = 'ben@bench.example'", Long.class);
        List<Object[]> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            Timestamp at = Timestamp.from(now.minus(Duration.ofMinutes(i * (120L * 24 * 60) / LEADS)));
            leads.add(new Object[] {"bench-" + i, LEAD_STATUSES[i % LEAD_STATUSES.length],
                    partnerId((i * 7919) % PARTNERS), account, contact, at, at});
        }
        jdbc.batchUpdate("insert into lead (source, external_id, product, score, account_id, contact_id, status, "
                + "partner_id, created_at, updated_at) values ('BENCH', ?, 'Networking', 50, ?, ?, ?, ?, ?, ?)",
                leads.stream().map(l -> new Object[] {l[0], l[3], l[4], l[1], l[2], l[5], l[6]}).toList());
        long firstLead = jdbc.queryForObject("select min(id) from lead where source = 'BENCH'", Long.class);
        List<Object[]> offers = new ArrayList<>();
        List<Object[]> strikes = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            Timestamp at = (Timestamp) leads.get(i)[5];
            for (int attempt = 1; attempt <= OFFERS_PER_LEAD; attempt++) {
                String partner = partnerId((i * 7919 + attempt * 104_729) % PARTNERS);
                String[] end = OFFER_ENDS[(i + attempt) % OFFER_ENDS.length];
                offers.add(new Object[] {firstLead + i, partner, attempt, at, at, end[0], end[1],
                        end[0] == null ? null : at});
                if ("ACCEPT_SLA_MISSED".equals(end[1])) {
                    strikes.add(new Object[] {partner, firstLead + i, at});
                }
            }
        }
        jdbc.batchUpdate("insert into lead_offer (lead_id, partner_id, attempt, offered_at, accept_due_at, outcome, "
                + "close_reason, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", offers);
        jdbc.batchUpdate("insert into partner_strike (partner_id, lead_id, kind, occurred_at) "
                + "values (?, ?, 'ACCEPT_SLA_MISSED', ?)", strikes);
        afterHistory();
    }

    /** What the database needs after a bulk load (statistics for PostgreSQL's planner). */
    void afterHistory() {
    }

    private static String partnerId(int i) {
        return String.format("bench-%05d", i);
    }

    @Test
    void choosingAPartner() {
        directory.active();
        LeadNeeds realistic = new LeadNeeds("MID_MARKET", "Retail", "Networking", "DE", null,
                new PartnerRequirements(PartnerTier.REGISTERED, Set.of("Networking"), Set.of(), Set.of("DE")));
        LeadNeeds everyone = new LeadNeeds("MID_MARKET", "Retail", "Networking", "US", null,
                new PartnerRequirements(PartnerTier.REGISTERED, Set.of("Networking"), Set.of(), Set.of("US")));

        // Warm up the whole path first (the JIT compiles for longer than a case's own warm-up).
        long warmUpEnds = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; i < 500 && System.nanoTime() < warmUpEnds; i++) {
            choose(realistic);
            if (i % 5 == 0) {
                choose(everyone);
            }
        }
        report("select(): 10,000 partners, 250 cover the lead's country", timeChoice(realistic));
        report("select(): 10,000 partners, all 10,000 eligible", timeChoice(everyone));
        report("  the realistic choice with the commit of its transaction", time(() -> choose(realistic)));
        List<String> deIds = directory.active().stream().filter(p -> p.coversCountry("DE")).map(p -> p.id()).toList();
        List<String> allIds = directory.active().stream().map(p -> p.id()).toList();
        report("  part: kept counts of 10,000 partners", time(() -> stats.forChoice().rates(allIds)));
        String everyonesPool = choose(everyone).poolKey();
        report("  part: a turn of the pool's rotation, 10,000 passes", time(() -> transaction.execute(
                s -> passes.rotate(everyonesPool, stored -> new PartnerChoice.Moves(List.of(), Map.of(), Map.of())))));
        report("  part: partner directory stamp", time(() -> partnerRepository.stamp()));
        report("  part: openLeadCounts(250), recounted", time(() -> partnerRepository.openLeadCounts(deIds)));
        report("  part: performance.of(250), recounted", time(() -> performance.of(deIds)));
        report("  part: ranking.currentVersion()", time(() -> ranking.currentVersion()));
        report("  part: standings.notGood()", time(() -> standings.notGood()));
        report("  part: offers.partnersThatHad()", time(() -> offerLog.partnersThatHad(-1)));

        List<Contender> contenders = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            contenders.add(new Contender(partnerId(i), 10 + (i % 4) * 10));
        }
        Map<String, Double> passes = new HashMap<>();
        report("StrideRotation.choose(): 10,000 contenders, in memory", time(() -> {
            var pick = StrideRotation.choose(contenders, passes).orElseThrow();
            passes.putAll(pick.joined());
            passes.put(pick.partnerId(), pick.passAfter());
            return pick;
        }));
    }

    /** One choice in a transaction of its own, committed. */
    private PartnerSelector.Selection choose(LeadNeeds needs) {
        return transaction.execute(status -> selector.select(-1, needs));
    }

    /** Wall-clock and CPU milliseconds of each timed round, sorted each. */
    private record Timings(double[] wall, double[] cpu) {
    }

    /** Up to 100 warm-up and 200 timed rounds of the work, each stopping after a minute (slow cases get fewer rounds). */
    private static Timings time(Supplier<?> work) {
        return measure(() -> clocked(work));
    }

    /** One choice in a transaction as routing makes it, timed inside the transaction (its commit left out). */
    private Timings timeChoice(LeadNeeds needs) {
        return measure(() -> transaction.execute(status -> clocked(() -> selector.select(-1, needs))));
    }

    /** Wall-clock and CPU nanoseconds the work took. */
    private static long[] clocked(Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.get();
        return new long[] {System.nanoTime() - start, threads.getCurrentThreadCpuTime() - startCpu};
    }

    private static Timings measure(Supplier<long[]> round) {
        long warmUpEnds = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; i < WARM_UP && System.nanoTime() < warmUpEnds; i++) {
            round.get();
        }
        double[] wall = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        long timingEnds = System.nanoTime() + 60_000_000_000L;
        int rounds = 0;
        while (rounds < ROUNDS && (rounds < 5 || System.nanoTime() < timingEnds)) {
            long[] took = round.get();
            wall[rounds] = took[0] / 1_000_000.0;
            cpu[rounds++] = took[1] / 1_000_000.0;
        }
        Timings timings = new Timings(Arrays.copyOf(wall, rounds), Arrays.copyOf(cpu, rounds));
        Arrays.sort(timings.wall());
        Arrays.sort(timings.cpu());
        return timings;
    }

    private void report(String what, Timings timings) {
        double[] wall = timings.wall();
        System.out.printf("BENCHMARK %-10s %-58s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   CPU p50 %7.2f ms   "
                        + "(%d rounds)%n", getClass().getSimpleName().contains("Postgres") ? "PostgreSQL" : "H2", what,
                wall[wall.length / 2], wall[(int) (wall.length * 0.95)], wall[wall.length - 1],
                timings.cpu()[wall.length / 2], wall.length);
    }
}

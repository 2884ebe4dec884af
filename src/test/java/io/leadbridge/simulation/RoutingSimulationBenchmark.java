package io.leadbridge.simulation;

import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.simulation.SimulationReport.Period;
import io.leadbridge.simulation.SimulationTables.CandidateFile;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a what-if replay of 100,000 leads takes. Not part of {@code ./mvnw verify}; run it
 * with {@code ./mvnw -Pbenchmark test} and copy the printed figures to docs/benchmarks.md.
 */
@LeadbridgeTest
class RoutingSimulationBenchmark {

    private static final int LEADS = 100_000;
    private static final int ACCOUNTS = 25_000;
    private static final int PARTNERS_PER_COUNTRY = 10;
    private static final long FIRST_ID = 500_000_000L;
    private static final Instant FROM = Instant.parse("2300-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(300));
    private static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "NL", "SE", "ES", "IT", "AU",
            "JP", "BR", "MX", "IN", "SG", "CH", "AT", "BE", "DK", "NO", "FI", "IE", "PL", "PT", "CZ", "NZ", "ZA",
            "AR", "CL", "CO", "KR", "TW", "HK", "MY", "TH", "PH", "ID", "IL", "AE", "SA"};
    private static final String[] PRODUCTS = {"Cloud Platform", "Security Suite", "Networking", "Data Analytics",
            "Collaboration"};
    private static final String[] INDUSTRIES = {"Retail", "Manufacturing", "Healthcare", "Financial Services",
            "Public Sector", "Education"};
    /** Headcounts as enrichment services report them. */
    private static final int[] EMPLOYEES = {5, 10, 25, 50, 75, 100, 150, 250, 500, 750, 1_000, 2_500, 5_000, 10_000};

    @Autowired RoutingSimulation simulation;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired PartnerRepository partnerDirectory;

    @BeforeEach
    void aHundredThousandLeads() {
        fixtures.isolateFromEarlierTests();
        if (jdbc.queryForObject("select count(*) from lead where id >= ?", Long.class, FIRST_ID) > 0) {
            return;
        }
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> partners = new ArrayList<>();
        List<Object[]> capabilities = new ArrayList<>();
        PartnerTier[] tiers = PartnerTier.values();
        List<String> partnerIds = new ArrayList<>();
        for (String country : COUNTRIES) {
            for (int i = 0; i < PARTNERS_PER_COUNTRY; i++) {
                String id = "replay-" + country + "-" + i;
                partnerIds.add(id);
                partners.add(new Object[] {id, "Replay " + country + " " + i, tiers[i % tiers.length].name(), "ACTIVE",
                        1_000_000, now, now});
                capabilities.add(new Object[] {id, "COUNTRY", country});
                for (String competency : List.of("Cloud", "Security", "Networking", "Analytics")) {
                    capabilities.add(new Object[] {id, "COMPETENCY", competency});
                }
                for (String certification : List.of("HIPAA", "PCI-DSS", "FedRAMP")) {
                    if (random.nextInt(3) > 0) {
                        capabilities.add(new Object[] {id, "CERTIFICATION", certification});
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into partner (id, name, tier, status, capacity, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", partners);
        jdbc.batchUpdate("insert into partner_capability (partner_id, kind, capability) values (?, ?, ?)",
                capabilities);
        partnerDirectory.directoryChanged();

        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            long id = FIRST_ID + a;
            int employees = EMPLOYEES[random.nextInt(EMPLOYEES.length)];
            accounts.add(new Object[] {id, "Replay account " + a, "replay-" + a + ".example",
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)], COUNTRIES[random.nextInt(COUNTRIES.length)],
                    random.nextInt(10) == 0 ? null : employees, employees * 100_000L, now, now});
            contacts.add(new Object[] {id, id, "Pat", "Prospect", "pat@replay-" + a + ".example", now, now});
        }
        jdbc.batchUpdate("insert into account (id, name, domain, industry, country, employees, annual_revenue, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", accounts);
        jdbc.batchUpdate("insert into contact (id, account_id, first_name, last_name, email, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", contacts);

        long step = Duration.between(FROM, TO).toMillis() / LEADS;
        List<Object[]> leads = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        for (int l = 0; l < LEADS; l++) {
            long id = FIRST_ID + l;
            long account = FIRST_ID + random.nextInt(ACCOUNTS);
            Timestamp created = Timestamp.from(FROM.plusMillis(l * step));
            String winner = partnerIds.get(random.nextInt(partnerIds.size()));
            leads.add(new Object[] {id, "benchmark", "replay-" + l, PRODUCTS[random.nextInt(PRODUCTS.length)],
                    random.nextInt(101), account, account, "OFFERED", "MID_MARKET", "B", "PARTNER", winner, created,
                    created});
            decisions.add(new Object[] {id, created, winner});
            if (leads.size() == 10_000) {
                insertLeads(leads, decisions);
            }
        }
        insertLeads(leads, decisions);
    }

    private void insertLeads(List<Object[]> leads, List<Object[]> decisions) {
        jdbc.batchUpdate("insert into lead (id, source, external_id, product, score, account_id, contact_id, status, "
                + "segment, grade, route, partner_id, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", leads);
        jdbc.batchUpdate("insert into routing_decision (lead_id, attempt, decided_at, method, winner) "
                + "values (?, 1, ?, 'RULES', ?)", decisions);
        leads.clear();
        decisions.clear();
    }

    @Test
    void replayingAHundredThousandLeads() throws IOException {
        String eligibility = new ClassPathResource("partner-eligibility.dmn").getContentAsString(StandardCharsets.UTF_8)
                .replace("<text>\"SILVER\"</text>", "<text>\"GOLD\"</text>");
        List<CandidateFile> candidates = List.of(
                new CandidateFile("partner-eligibility.dmn", eligibility.getBytes(StandardCharsets.UTF_8)));
        Period period = new Period(FROM, TO);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            SimulationReport report = simulation.run(candidates, period);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK %-60s %6.2f s   (%d leads, %d routed, %d changed)%n",
                    "RoutingSimulation.run(): 100,000 leads, run " + run, seconds, report.counts().leadsReplayed(),
                    report.counts().routedToPartner(), report.counts().changed());
        }
    }
}

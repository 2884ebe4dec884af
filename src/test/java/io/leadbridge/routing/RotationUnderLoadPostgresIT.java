package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Leads of one pool routed at the same moment by the job executor's threads, on PostgreSQL: the
 * pool is no longer locked until each routing commits, and the partners still share the leads
 * exactly as a sequence of choices would (equal weights: equal counts), each lead offered once.
 */
@PostgresTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext  // its job executor must not run other tests' jobs on the run's shared database afterwards
class RotationUnderLoadPostgresIT {

    private static final int PARTNERS = 4;
    private static final int LEADS_EACH = 10;

    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void aBurstOfLeadsIsSharedExactlyByTheRotation() throws Exception {
        fixtures.isolateFromEarlierTests();
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            String partner = fixtures.partner("burst" + i, PartnerTier.GOLD, "US");
            fixtures.rep(partner);
            partners.add(partner);
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Long>> sent = new ArrayList<>();
        for (int i = 0; i < PARTNERS * LEADS_EACH; i++) {
            sent.add(clients.submit(() -> fixtures.submit(fixtures.partnerLead("US"))));
        }
        List<Long> leads = new ArrayList<>();
        for (Future<Long> lead : sent) {
            leads.add(lead.get());
        }
        clients.shutdown();

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (offered(leads) < leads.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);  // the job executor routes them; nothing here moves time
        }
        assertThat(offered(leads)).as("every lead offered").isEqualTo(leads.size());

        Map<String, Long> offers = jdbc.sql("select partner_id from lead_offer where lead_id in (:leads)")
                .param("leads", leads).query(String.class).list().stream()
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertThat(offers.values().stream().mapToLong(Long::longValue).sum()).as("one offer per lead")
                .isEqualTo(leads.size());
        assertThat(offers).as("equal weights, equal shares").hasSize(PARTNERS)
                .allSatisfy((partner, count) -> assertThat(count).as(partner).isEqualTo(LEADS_EACH));
        assertThat(offers.keySet()).containsExactlyInAnyOrderElementsOf(partners);
    }

    private long offered(List<Long> leads) {
        return jdbc.sql("select count(*) from lead where status = 'OFFERED' and id in (:leads)")
                .param("leads", leads).query(Long.class).single();
    }
}

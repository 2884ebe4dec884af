package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PartnerPeople;
import io.leadbridge.support.PostgresTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lead managers' digest on PostgreSQL: two nodes (two threads here) looking at the same moment
 * write one digest between them; the other finds today's row taken and writes no mail.
 */
@PostgresTest
class ManagerDigestPostgresIT {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerPeople people;
    @Autowired ManagerDigest digest;
    @Autowired NotificationRepository notifications;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void twoNodesLookingAtOnceWriteOneDigest() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("pg", PartnerTier.GOLD, "US");
        String manager = people.person(partner, "mgr", PartnerRole.LEAD_MANAGER);
        String anna = people.repInTheUs(partner, "a-anna");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T06:00:00Z")));
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T09:00:00Z")));

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> node = () -> {
            start.await();
            return digest.writeDue();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(nodes.submit(node), nodes.submit(node));
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdownNow();
        }

        List<Notification> digests = notifications.forPartner(partner).stream()
                .filter(n -> n.kind() == NotificationKind.MANAGER_DIGEST).toList();
        assertThat(digests).singleElement().satisfies(mail -> {
            assertThat(mail.recipient()).isEqualTo(manager + "@partner.example");
            assertThat(mail.body()).contains("Lead " + lead + ":").contains("Rep: " + anna);
        });
        assertThat(jdbc.sql("select count(*) from manager_digest where partner_id = :p").param("p", partner)
                .query(Integer.class).single()).isEqualTo(1);
    }
}

package io.leadbridge.followon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.reporting.ReportFacts;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
import io.leadbridge.support.PostgresTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes checking for due follow-ons at the same moment on PostgreSQL create the follow-on once,
 * and the repeat-purchase report counts it there.
 */
@PostgresTest
class FollowOnPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired FollowOnLeads followOns;
    @Autowired ReportFacts facts;

    @Test
    void twoChecksAtOnceCreateTheFollowOnOnce() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> leads = new LinkedHashMap<>();
        LeadHistory history = new LeadHistory(jdbc, unique, leads, Instant.parse("2007-05-01T00:00:00Z"));
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "DE");
        long account = history.account("Initech " + unique, "DE", null, "Retail");
        long won = history.lead("W1", "spring", "Security Suite", "SMB", "PARTNER", "WON", alpha,
                Instant.parse("2007-05-02T09:00:00Z"), null, account);
        history.opportunity(won, alpha, "WON", "8000", "EUR", "8000", Instant.parse("2007-05-03T09:00:00Z"),
                Instant.parse("2007-05-20T09:00:00Z"), "Security Suite");
        facts.refresh(leads.values());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<Long>>> checks = List.of(
                    CompletableFuture.supplyAsync(() -> await(start), nodes),
                    CompletableFuture.supplyAsync(() -> await(start), nodes));
            start.countDown();
            for (CompletableFuture<List<Long>> check : checks) {
                check.get(120, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        List<Long> created = jdbc.sql("select id from lead where account_id = :account and source = 'follow-on'")
                .param("account", account).query(Long.class).list();
        assertThat(created).hasSize(1);
        assertThat(jdbc.sql("select count(*) from follow_on_lead where won_lead_id = :won").param("won", won)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(followOns.createDue()).doesNotContain(created.get(0));

        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        ApiClient.Response response = admin.get("/api/reports/repeat-purchases?from=2007-05-01&to=2007-05-31&partner="
                + alpha);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode row = response.json().path("rows").get(0);
        assertThat(row.path("campaign").asText()).isEqualTo("spring");
        assertThat(row.path("accountsWon").asLong()).isEqualTo(1);
        assertThat(row.path("followOnLeads").asLong()).isEqualTo(1);
        assertThat(row.path("followOnLeadsWon").asLong()).isZero();
    }

    private List<Long> await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return followOns.createDue();
    }
}

package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12: leads of one company sent together by several marketing clients, on PostgreSQL,
 * through HTTP, with the job executor running as in production (the earlier leads of the
 * company are qualified, routed or marked unassigned meanwhile). Every request is answered 2xx:
 * a duplicate that raced its twin is found, a lost deadlock is run again inside the server.
 */
@PostgresTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext  // its job executor must not run other tests' jobs on the run's shared database afterwards
class LeadIntakeRacePostgresIT {

    static final int CLIENTS = 8;
    static final Duration ROUTING_LIMIT = Duration.ofSeconds(120);

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;

    ApiClient marketing;
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @BeforeEach
    void marketingSystem() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
    }

    /**
     * The job executor finishes this test's due jobs before the next test stops the instances (stopping an instance
     * whose job is running loses to the job). Polls the engine's jobs; the engine clock stays where it is.
     */
    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        long deadline = System.nanoTime() + ROUTING_LIMIT.toNanos();
        while (engine.getManagementService().createJobQuery().executable().count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("jobs still due after " + ROUTING_LIMIT);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theSameLeadSentTwiceAtTheSameMomentIsStoredOnceAndBothAnswersNameIt() throws Exception {
        fixtures.rep(fixtures.partner("race", PartnerTier.GOLD, "US"));
        int pairs = 20;
        int pairsPerRound = CLIENTS / 2;
        List<LeadSubmission> leads = new ArrayList<>();
        for (int round = 0; round < pairs / pairsPerRound; round++) {
            List<LeadSubmission> twins = new ArrayList<>();
            for (int p = 0; p < pairsPerRound; p++) {
                twins.add(fixtures.partnerLead("US"));
            }
            leads.addAll(twins);
            // Both copies of every lead of the round wait at the latch and go out together.
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (LeadSubmission lead : twins) {
                answers.add(clients.submit(released(start, () -> marketing.post("/api/leads", lead))));
                answers.add(clients.submit(released(start, () -> marketing.post("/api/leads", lead))));
            }
            start.countDown();
            for (int p = 0; p < twins.size(); p++) {
                Response one = answers.get(2 * p).get(60, TimeUnit.SECONDS);
                Response other = answers.get(2 * p + 1).get(60, TimeUnit.SECONDS);
                assertThat(List.of(one.status(), other.status())).as(one + " / " + other)
                        .containsExactlyInAnyOrder(200, 201);
                assertThat(one.json().path("id").asLong()).as(one + " / " + other)
                        .isPositive().isEqualTo(other.json().path("id").asLong());
            }
        }

        for (LeadSubmission lead : leads) {
            long leadId = storedOnce(lead);
            assertThat(count("select count(*) from lead_event where lead_id = :lead and type = 'CREATED'", leadId))
                    .as("CREATED events of lead %d", leadId).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(Long.toString(leadId)).count())
                    .as("process instances of lead %d", leadId).isEqualTo(1);
        }
    }

    @Test
    void leadsOfOneCompanyArrivingTogetherWhileItsEarlierLeadsAreRoutedAreAllReceived() throws Exception {
        // US leads of the company go to this partner, German ones find nobody and are marked unassigned.
        fixtures.rep(fixtures.partner("burst", PartnerTier.GOLD, "US"));
        String company = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        List<LeadSubmission> earlier = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            earlier.add(ofCompany(company, i));
        }
        for (LeadSubmission lead : earlier) {
            assertThat(marketing.post("/api/leads", lead).status()).isEqualTo(201);
        }

        // While the job executor works on those, 8 clients send 96 more, each with new facts of the company.
        List<LeadSubmission> burst = new ArrayList<>();
        for (int i = 24; i < 120; i++) {
            burst.add(ofCompany(company, i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (LeadSubmission lead : burst) {
            answers.add(clients.submit(released(start, () -> marketing.post("/api/leads", lead))));
        }
        start.countDown();
        for (Future<Response> answer : answers) {
            Response response = answer.get(120, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }

        List<LeadSubmission> all = new ArrayList<>(earlier);
        all.addAll(burst);
        List<Long> leadIds = all.stream().map(this::storedOnce).toList();
        assertThat(count("select count(*) from account where domain = :lead", company + ".example")).isEqualTo(1);
        awaitRouted(leadIds);
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
        // Not even a run that the job executor would have retried: no job of these leads lost a deadlock.
        assertThat(jdbc.sql("""
                select j.job_exception_msg_ from act_hi_job_log j join act_hi_procinst p on p.id_ = j.process_instance_id_
                where j.job_state_ = 1 and p.business_key_ in (:keys)""")
                .param("keys", leadIds.stream().map(String::valueOf).toList()).query(String.class).list())
                .as("failed job runs").isEmpty();
        assertThat(count("select count(*) from lead where id in (:lead) and status = 'OFFERED'", leadIds))
                .as("US leads offered").isPositive();
        assertThat(count("select count(*) from lead where id in (:lead) and status = 'UNASSIGNED'", leadIds))
                .as("German leads unassigned").isPositive();
    }

    @Test
    void aFileImportedTwiceAtTheSameMomentStoresEveryRowOnce() throws Exception {
        fixtures.rep(fixtures.partner("import", PartnerTier.GOLD, "US"));
        String batch = UUID.randomUUID().toString().substring(0, 8);
        int rows = 60;
        StringBuilder file = new StringBuilder("externalId,source,product,score,contactFirstName,contactLastName,"
                + "contactEmail,accountName,accountDomain,accountCountry,accountEmployees\r\n");
        for (int i = 0; i < rows; i++) {
            // Every third row is of one company, the others each of their own.
            String domain = i % 3 == 0 ? "one-" + batch + ".example" : "row-" + i + "-" + batch + ".example";
            file.append("race-").append(batch).append('-').append(i).append(",trade-show,Cloud Platform,70,Pat,")
                    .append("Prospect,pat.").append(i).append('@').append(domain).append(",Prospect ").append(i)
                    .append(',').append(domain).append(",US,").append(200 + i).append("\r\n");
        }

        CountDownLatch start = new CountDownLatch(1);
        Future<Response> first = clients.submit(released(start, () -> marketing.postCsv("/api/leads/import",
                file.toString())));
        Future<Response> second = clients.submit(released(start, () -> marketing.postCsv("/api/leads/import",
                file.toString())));
        start.countDown();
        Response one = first.get(120, TimeUnit.SECONDS);
        Response other = second.get(120, TimeUnit.SECONDS);

        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        for (String part : List.of("created", "existing")) {
            assertThat(one.json().path(part).path("count").asInt() + other.json().path(part).path("count").asInt())
                    .as(part + ": " + one + " / " + other).isEqualTo(rows);
        }
        assertThat(one.json().path("rejected").path("count").asInt()).as(one.toString()).isZero();
        assertThat(other.json().path("rejected").path("count").asInt()).as(other.toString()).isZero();
        assertThat(count("select count(*) from lead where source = 'trade-show' and external_id like :lead",
                "race-" + batch + "-%")).isEqualTo(rows);
        assertThat(count("""
                select count(*) from lead_event e join lead l on l.id = e.lead_id
                where e.type = 'CREATED' and l.external_id like :lead""", "race-" + batch + "-%")).isEqualTo(rows);
    }

    /** A lead of the company, every one with a new contact and new facts: head count, and the country by turns. */
    private static LeadSubmission ofCompany(String company, int i) {
        String country = i % 2 == 0 ? "US" : "DE";
        return new LeadSubmission(company + "-" + i, "campaign-burst", "autumn-launch", "Cloud Platform", 70,
                new LeadSubmission.Contact("Pat", "Prospect " + i, "pat." + i + "@" + company + ".example",
                        "+1 555 0100", "CTO"),
                new LeadSubmission.Account("Burst " + company, company + ".example", "Retail", country, 200 + i,
                        BigDecimal.valueOf((200L + i) * 100_000L)),
                "asked for a demo");
    }

    private static Callable<Response> released(CountDownLatch start, Supplier<Response> request) {
        return () -> {
            start.await();
            return request.get();
        };
    }

    /** The id of the one lead row with the submission's source and external id. */
    private long storedOnce(LeadSubmission lead) {
        List<Long> ids = jdbc.sql("select id from lead where source = :source and external_id = :externalId")
                .param("source", lead.source()).param("externalId", lead.externalId()).query(Long.class).list();
        assertThat(ids).as("leads stored for %s", lead.externalId()).hasSize(1);
        return ids.get(0);
    }

    private long count(String sql, Object lead) {
        return jdbc.sql(sql).param("lead", lead).query(Long.class).single();
    }

    /**
     * Waits until the job executor has qualified and routed every lead: each is offered or unassigned.
     * Polls the database; the engine clock stays where it is.
     */
    private void awaitRouted(List<Long> leadIds) throws InterruptedException {
        long deadline = System.nanoTime() + ROUTING_LIMIT.toNanos();
        while (count("select count(*) from lead where id in (:lead) and status in ('OFFERED', 'UNASSIGNED')",
                leadIds) < leadIds.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not every lead offered or unassigned within " + ROUTING_LIMIT + ": "
                        + jdbc.sql("select status, count(*) from lead where id in (:lead) group by status")
                        .param("lead", leadIds).query().listOfRows());
            }
            Thread.sleep(50);
        }
    }
}

package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.DatabaseProxy;
import io.leadbridge.support.EngineBinding;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.FakeMailServer;
import io.leadbridge.support.LeadFixtures;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long Leadbridge takes to recover once a failure's cause is gone, by real clocks, on
 * PostgreSQL behind a {@link DatabaseProxy}, with the job executor and the mail sender running
 * as in production (production's timeouts, retry waits and lock time): the figures of the
 * "Failure modes" table in docs/operations.md and of docs/benchmarks.md.
 * {@code ./mvnw -Pbenchmark test -Dtest=FailureRecoveryBenchmark} (about 5 minutes: the outages
 * and the lock time are real time, which is what is measured).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "leadbridge.notifications.poll-interval=30s"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = DatabaseOutagePostgresIT.BehindProxy.class)
@Import({EngineDriver.class, LeadFixtures.class})
@ExtendWith(EngineBinding.class)
class FailureRecoveryBenchmark {

    private static final FakeMailServer mailServer = FakeMailServer.silent();
    private static final List<String> figures = new ArrayList<>();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", mailServer::port);
    }

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired ManagementService management;
    @Autowired ProcessEngine engine;
    @Autowired CamundaBpmProperties camunda;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void report() throws IOException {
        mailServer.close();
        System.out.println("RECOVERY figures (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores):");
        figures.forEach(figure -> System.out.println("RECOVERY " + figure));
    }

    @Test
    void recoveryTimes() throws Exception {
        fixtures.isolateFromEarlierTests();
        mailServer.startAnswering();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        String partner = fixtures.partner("recovery", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        offeredAfterIntake(marketing, Instant.now());  // warms the paths up

        databaseHangs(marketing, Duration.ofSeconds(20));
        databaseHangs(marketing, Duration.ofSeconds(45));
        mailServerSilentThenBack(marketing);
        jobLockedByADeadNode(marketing);
    }

    /** (1) The database hangs, then answers again: readiness, the first 201, the lead offered. */
    private void databaseHangs(ApiClient marketing, Duration outage) throws InterruptedException {
        ApiClient probe = ApiClient.anonymous(port);
        DatabaseOutagePostgresIT.proxy.hang();
        Thread.sleep(outage.toMillis());  // the outage itself: real time is what is measured here
        DatabaseOutagePostgresIT.proxy.resume();
        Instant resumed = Instant.now();

        await("readiness 200", () -> probe.get("/actuator/health/readiness").status() == 200);
        record("database hung " + outage.toSeconds() + " s: readiness 200", resumed);
        offeredAfterIntake(marketing, resumed).forEach(figure -> record(
                "database hung " + outage.toSeconds() + " s: " + figure.what(), resumed, figure.at()));
    }

    private record Moment(String what, Instant at) {
    }

    /** POST /api/leads until 201 (503s are sent again, as a client does), then until the lead is OFFERED. */
    private List<Moment> offeredAfterIntake(ApiClient marketing, Instant from) {
        long[] leadId = {0};
        await("POST /api/leads 201", () -> {
            Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));
            if (created.status() == 201) {
                leadId[0] = created.json().path("id").asLong();
                return true;
            }
            assertThat(created.status()).as(created.body()).isEqualTo(503);
            return false;
        });
        Instant accepted = Instant.now();
        await("lead OFFERED", () -> fixtures.lead(leadId[0]).status() == LeadStatus.OFFERED);
        return List.of(new Moment("POST /api/leads 201", accepted), new Moment("lead OFFERED", Instant.now()));
    }

    /** (2) The mail server holds connections without a word, then answers: the queued mails go out. */
    private void mailServerSilentThenBack(ApiClient marketing) {
        mailServer.fallSilent();
        int before = mailServer.received().size();
        long leadId = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        await("a failed mail attempt", () -> jdbc.sql("""
                select count(*) from notification where lead_id = ? and status = 'QUEUED' and attempts >= 1""")
                .param(leadId).query(Long.class).single() > 0);
        mailServer.startAnswering();
        Instant back = Instant.now();
        await("the lead's mails sent", () -> jdbc.sql("""
                select count(*) from notification where lead_id = ? and status <> 'SENT'""")
                .param(leadId).query(Long.class).single() == 0);
        assertThat(mailServer.received().size()).isGreaterThan(before);
        record("mail server silent, then back: the queued mails sent", back);
    }

    /** (3) A node acquired a lead's routing job and died at once: another node runs it after the lock. */
    private void jobLockedByADeadNode(ApiClient marketing) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        executor.shutdown();
        long leadId = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        Job routing = management.createJobQuery().processInstanceId(fixtures.process(leadId).getId())
                .singleResult();
        Instant died = Instant.now();
        long lockMillis = camunda.getJobExecution().getLockTimeInMillis();
        jdbc.sql("update act_ru_job set lock_owner_ = 'dead-node', lock_exp_time_ = ? where id_ = ?")
                .params(Timestamp.from(died.plusMillis(lockMillis)), routing.getId()).update();
        executor.start();

        await("lead OFFERED by the living node", () -> fixtures.lead(leadId).status() == LeadStatus.OFFERED);
        record("job locked by a dead node (lock time " + lockMillis / 1000 + " s): lead OFFERED", died);
    }

    private static void record(String what, Instant from) {
        record(what, from, Instant.now());
    }

    private static void record(String what, Instant from, Instant at) {
        figures.add(what + ": " + Duration.between(from, at).toMillis() + " ms");
    }

    /** Asks every 100 ms for up to 5 minutes. */
    private static void await(String what, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not within 5 minutes: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}

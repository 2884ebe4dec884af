package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12: the CSV import of 10,000 rows end to end on PostgreSQL, with the job executor running
 * as in production: the time until every row is stored (the HTTP answer) and until every lead is
 * OFFERED (qualified, routed and offered by the jobs), with the HTTP 5xx answers and the job
 * incidents and failed job runs (all must be 0). Every row is a new company that the
 * qualification table sends to a partner; 40 partners cover the file's 10 countries with room for
 * all the leads. {@code ./mvnw -o -B -Pbenchmark test -Dtest=LeadImportPostgresBenchmark
 * -Dimport.rows=10000}.
 */
@PostgresTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class LeadImportPostgresBenchmark {

    static final int ROWS = Integer.getInteger("import.rows", 10_000);
    static final int PARTNERS = 40;
    static final Duration LIMIT = Duration.ofMinutes(Integer.getInteger("import.limitMinutes", 40));

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired PartnerRepository partners;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @Test
    void importingTenThousandRowsUntilEveryLeadIsOffered() throws Exception {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        for (int i = 0; i < PARTNERS; i++) {
            fixtures.rep(fixtures.partner("import" + i, PartnerTier.values()[i % PartnerTier.values().length],
                    LeadImportBenchmark.COUNTRIES));
        }
        // Room for every lead of the file: a full partner would leave leads unassigned, not offered.
        jdbc.sql("update partner set capacity = :capacity where status = 'ACTIVE'")
                .param("capacity", ROWS / PARTNERS * 2 + 10).update();
        partners.directoryChanged();
        ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String file = LeadImportBenchmark.generate(ROWS, batch, true);
        print("setup: %,d rows (%,d characters), %d partners covering the file's countries, cores=%d, load average %s",
                ROWS, file.length(), PARTNERS, Runtime.getRuntime().availableProcessors(), loadAverage());

        long start = System.nanoTime();
        Response answer = marketing.postCsv("/api/leads/import", file);
        double stored = seconds(start);
        int serverErrors = answer.status() >= 500 ? 1 : 0;
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        int created = answer.json().path("created").path("count").asInt();
        int rejected = answer.json().path("rejected").path("count").asInt();
        print("POST /api/leads/import answered %d after %.1f s: %,d created, %,d rejected (%.0f rows/s stored)",
                answer.status(), stored, created, rejected, created / stored);
        long offeredAtAnswer = offered(batch);
        print("OFFERED when the import answered: %,d", offeredAtAnswer);

        long deadline = start + LIMIT.toNanos();
        long lastPrinted = System.nanoTime();
        for (long offered = offered(batch); offered < ROWS; offered = offered(batch)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + offered + " of " + ROWS + " OFFERED within " + LIMIT + ": "
                        + jdbc.sql("select status, count(*) from lead where external_id like :batch group by status")
                        .param("batch", "bench-" + batch + "-%").query().listOfRows());
            }
            if (System.nanoTime() - lastPrinted > 60_000_000_000L) {
                print("  after %.0f s: %,d OFFERED, load average %s", seconds(start), offered, loadAverage());
                lastPrinted = System.nanoTime();
            }
            // polling the database for the job executor's progress; the engine clock is not moved
            Thread.sleep(200);
        }
        double allOffered = seconds(start);
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        long failedRuns = jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 1").query(Long.class).single();
        print("every lead OFFERED after %.1f s from the upload (%.1f leads/s end to end; routing went on %.1f s after"
                + " the answer)", allOffered, ROWS / allOffered, allOffered - stored);
        print("HTTP 5xx: %d, job incidents: %d, failed job runs (retried): %d, load average %s", serverErrors,
                incidents, failedRuns, loadAverage());
        assertThat(created).isEqualTo(ROWS);
        assertThat(incidents).isZero();
    }

    private long offered(String batch) {
        return jdbc.sql("select count(*) from lead where status = 'OFFERED' and external_id like :batch")
                .param("batch", "bench-" + batch + "-%").query(Long.class).single();
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCHMARK import-postgres " + String.format(format, args));
    }
}

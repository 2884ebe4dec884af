package io.leadbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A backlog of due jobs (here: leads whose routing waited while the job executor was stopped, as a
 * morning's breach would) is acquired in batches the job threads can take: a few jobs per
 * acquisition, where Camunda's own strategy took one or two per acquisition once the threads were
 * busy (1.33 in the SLA sweep), each acquisition a transaction of its own.
 */
@PostgresTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
@DirtiesContext  // its job executor must not run other tests' jobs on the run's shared database afterwards
class JobAcquisitionPostgresIT {

    private static final int LEADS = 60;

    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;

    @Test
    void theLeadJobExecutorRunsWithTheConfiguredSettings() {
        JobExecutor executor = configuration().getJobExecutor();

        assertThat(executor).isInstanceOf(LeadJobExecutor.class);
        assertThat(executor.getMaxJobsPerAcquisition()).isEqualTo(8);
        assertThat(executor.getLockTimeInMillis()).isEqualTo(60000);
        assertThat(executor.getWaitTimeInMillis()).isEqualTo(2000);
    }

    @Test
    void aBacklogOfDueJobsIsAcquiredInBatches() throws Exception {
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("backlog", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        JobExecutor executor = configuration().getJobExecutor();
        executor.shutdown();
        List<Long> leads = new ArrayList<>();
        long attemptsBefore;
        long acquiredBefore;
        try {
            for (int i = 0; i < LEADS; i++) {
                leads.add(fixtures.submit(fixtures.partnerLead("US")));
            }
            attemptsBefore = metric(Metrics.JOB_ACQUISITION_ATTEMPT);
            acquiredBefore = metric(Metrics.JOB_ACQUIRED_SUCCESS);
        } finally {
            executor.start();
        }

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long acquired = 0;
        long attempts = 0;
        while (acquired < LEADS && System.nanoTime() < deadline) {
            Thread.sleep(20);  // the job executor acquires them; nothing here moves time
            attempts = metric(Metrics.JOB_ACQUISITION_ATTEMPT) - attemptsBefore;
            acquired = metric(Metrics.JOB_ACQUIRED_SUCCESS) - acquiredBefore;
        }
        assertThat(acquired).as("each lead's routing job").isGreaterThanOrEqualTo(LEADS);
        assertThat((double) acquired / attempts).as("jobs per acquisition (%d jobs, %d acquisitions)", acquired,
                attempts).isGreaterThanOrEqualTo(3.0);

        while (offered(leads) < leads.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(offered(leads)).as("every lead offered").isEqualTo(leads.size());
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private long metric(String name) {
        configuration().getDbMetricsReporter().reportNow();
        return management.createMetricsQuery().name(name).sum();
    }

    private long offered(List<Long> leads) {
        return jdbc.sql("select count(*) from lead where status = 'OFFERED' and id in (:leads)")
                .param("leads", leads).query(Long.class).single();
    }
}

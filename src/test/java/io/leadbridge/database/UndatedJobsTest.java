package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every job has a due date and the job executor takes the oldest first; a job an earlier version
 * left without one is dated at start, or it would never run.
 */
@LeadbridgeTest
class UndatedJobsTest {

    @Autowired ProcessEngine engine;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired UndatedJobs undatedJobs;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aNewLeadsFirstStepIsDatedAndTheJobDueFirstIsTakenFirst() {
        long older = fixtures.submit(fixtures.partnerLead("DE"));
        long newer = fixtures.submit(fixtures.partnerLead("DE"));

        Job olderStep = firstStep(older);
        Job newerStep = firstStep(newer);
        assertThat(olderStep.getDuedate()).as("dated when created").isNotNull();
        assertThat(newerStep.getDuedate()).isNotNull();
        // the later lead's step came due first (a timer set for a minute ago, say): it goes first
        jdbc.sql("update act_ru_job set duedate_ = duedate_ - interval '1' minute where id_ = :id")
                .param("id", newerStep.getId()).update();

        assertThat(acquirableIds()).containsSubsequence(newerStep.getId(), olderStep.getId());
    }

    @Test
    void aJobLeftWithoutADueDateIsDatedAtStartAndRuns() {
        long lead = fixtures.submit(fixtures.partnerLead("DE"));
        String step = firstStep(lead).getId();
        jdbc.sql("update act_ru_job set duedate_ = null where id_ = :id").param("id", step).update();
        assertThat(acquirableIds()).as("undated: never acquired").doesNotContain(step);

        undatedJobs.postProcessEngineBuild(engine);

        assertThat(acquirableIds()).contains(step);
    }

    private Job firstStep(long leadId) {
        return engine.getManagementService().createJobQuery().processInstanceId(fixtures.process(leadId).getId())
                .singleResult();
    }

    /** What the job executor's acquisition would lock now, in its order. */
    private List<String> acquirableIds() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> context.getJobManager()
                .findNextJobsToExecute(new Page(0, 1000)).stream().map(AcquirableJobEntity::getId).toList());
    }
}

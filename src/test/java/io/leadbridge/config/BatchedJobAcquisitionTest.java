package io.leadbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acquisition asks the database for due jobs only when the job threads can take half a batch,
 * never for more than they can take, and otherwise looks again shortly, without a query; an idle
 * node still waits as Camunda's strategy has it.
 */
class BatchedJobAcquisitionTest {

    private static final String ENGINE = "default";

    private final AtomicInteger room = new AtomicInteger(12);
    private BatchedJobAcquisition acquisition;

    @BeforeEach
    void acquisition() {
        LeadJobExecutor executor = new LeadJobExecutor();
        executor.setMaxJobsPerAcquisition(8);
        executor.setWaitTimeInMillis(2000);
        executor.setMaxWait(5000);
        executor.setBackoffTimeInMillis(0);
        acquisition = new BatchedJobAcquisition(executor, room::get);
    }

    @Test
    void aFullBatchWhenTheThreadsHaveRoomForIt() {
        assertThat(acquisition.getNumJobsToAcquire(ENGINE)).isEqualTo(8);

        cycle(8, 8);
        assertThat(acquisition.getWaitTime()).as("jobs were due: the next cycle at once").isZero();
    }

    @Test
    void neverMoreThanTheThreadsCanTake() {
        room.set(5);

        assertThat(acquisition.getNumJobsToAcquire(ENGINE)).isEqualTo(5);
    }

    @Test
    void withLessRoomThanHalfABatchItWaitsWithoutAskingTheDatabase() {
        room.set(3);

        assertThat(acquisition.getNumJobsToAcquire(ENGINE)).as("no acquisition this cycle").isZero();
        cycle(0, 0);
        assertThat(acquisition.getWaitTime()).isEqualTo(BatchedJobAcquisition.ROOM_WAIT_MILLIS);

        room.set(4);
        assertThat(acquisition.getNumJobsToAcquire(ENGINE)).as("half a batch fits").isEqualTo(4);
        cycle(4, 4);
        assertThat(acquisition.getWaitTime()).isZero();
    }

    @Test
    void anIdleNodeWaitsAsCamundasStrategyHasIt() {
        assertThat(acquisition.getNumJobsToAcquire(ENGINE)).isEqualTo(8);

        cycle(8, 0);
        assertThat(acquisition.getWaitTime()).as("no job was due: the idle wait").isEqualTo(2000);
    }

    /** One acquisition cycle that asked for {@code asked} jobs and acquired {@code acquired}. */
    private void cycle(int asked, int acquired) {
        AcquiredJobs jobs = new AcquiredJobs(asked);
        for (int i = 0; i < acquired; i++) {
            jobs.addJobIdBatch(List.of("job-" + i));
        }
        JobAcquisitionContext context = new JobAcquisitionContext();
        context.submitAcquiredJobs(ENGINE, jobs);
        acquisition.reconfigure(context);
    }
}

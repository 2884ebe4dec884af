package io.leadbridge.support;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.context.TestComponent;

/**
 * Moves the engine's clock and runs the jobs that are due, the way the job executor would,
 * but in the test's own thread and at the test's command.
 */
@TestComponent
public class EngineDriver {

    private static final int MAX_ROUNDS = 200;

    private final ProcessEngine engine;
    private final ManagementService management;

    EngineDriver(ProcessEngine engine) {
        this.engine = engine;
        this.management = engine.getManagementService();
    }

    /** Runs every due job, and the jobs those create, until none is due. Failing jobs propagate. */
    public void runDueJobs() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().active().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                // An earlier job of this round may have removed it (a breached SLA cancels its reminder).
                if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                    management.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("jobs keep becoming due after " + MAX_ROUNDS + " rounds");
    }

    /** Moves the engine clock forward, then runs whatever became due. */
    public void passTime(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        runDueJobs();
    }

    /** Moves the engine clock forward and runs nothing: the test executes the jobs it is about. */
    public void passTimeWithoutJobs(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    }

    public void resetClock() {
        ClockUtil.reset();
    }

    public ProcessEngine engine() {
        return engine;
    }
}

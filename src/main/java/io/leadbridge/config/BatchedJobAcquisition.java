package io.leadbridge.config;

import java.util.function.IntSupplier;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Camunda's acquisition cycle (idle wait, back-off after a lost lock), except that due jobs are
 * acquired only when the job threads can take a batch of them: at least half of
 * {@code max-jobs-per-acquisition}, and never more than they can take.
 * <p>
 * Camunda's own strategy acquires again at once whenever one acquired job found room, and acquires
 * the batch size less the jobs turned away last time. While a breach keeps the job threads busy
 * (a morning's withdrawals) that is an acquisition, a transaction with its own commit, for every
 * job or two that finished: 1.5 acquisitions a re-offered lead (two jobs) in the SLA sweep. Here the
 * acquisition waits {@value #ROOM_WAIT_MILLIS} ms at a time, without asking the database, until
 * the threads' queue has room for half a batch; the queue still holds the other half then, so the
 * threads never run dry. An idle node acquires as before: a new lead's first step, announced by
 * its request, is acquired at once.
 */
final class BatchedJobAcquisition extends BackoffJobAcquisitionStrategy {

    /** How long the acquisition waits for room before it looks again. */
    static final long ROOM_WAIT_MILLIS = 20;

    private final IntSupplier room;
    private boolean waitingForRoom;

    /**
     * @param room how many more jobs the job threads can take now (free threads and free places in
     *             their queue)
     */
    BatchedJobAcquisition(JobExecutor executor, IntSupplier room) {
        super(executor);
        this.room = room;
    }

    @Override
    public int getNumJobsToAcquire(String processEngine) {
        int wanted = super.getNumJobsToAcquire(processEngine);
        int free = room.getAsInt();
        waitingForRoom = wanted > 0 && free < Math.max(1, Math.min(wanted, (baseNumJobsToAcquire + 1) / 2));
        return waitingForRoom ? 0 : Math.min(wanted, free);
    }

    @Override
    public long getWaitTime() {
        long wait = super.getWaitTime();
        return waitingForRoom && wait == 0 ? ROOM_WAIT_MILLIS : wait;
    }
}

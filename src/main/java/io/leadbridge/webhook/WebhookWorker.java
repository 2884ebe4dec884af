package io.leadbridge.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Works the "Deliver webhook" external tasks on a small pool of its own, never on the process
 * engine's job threads: it locks one delivery in a short engine command, POSTs it through
 * {@link WebhookSender} holding no transaction and no database connection, and completes the task
 * or reports the failure (with the wait before the next attempt) in another short command. A
 * partner's server that never answers therefore costs this pool a thread for the HTTP client's
 * timeouts, and intake, routing, timers and mail go on. When the last retry fails, Camunda raises a
 * failed external task incident ({@link FailedDeliveryIncidents}).
 */
@Component
public class WebhookWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final ExternalTaskService externalTasks;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final String workerId = "leadbridge-webhook-worker-" + UUID.randomUUID();
    private final ThreadPoolTaskExecutor workers;
    private final AtomicBoolean wakeUpWaiting = new AtomicBoolean();

    WebhookWorker(ExternalTaskService externalTasks, WebhookSender sender, WebhookProperties properties) {
        this.externalTasks = externalTasks;
        this.sender = sender;
        this.properties = properties;
        this.workers = new ThreadPoolTaskExecutor();
        workers.setThreadNamePrefix("webhook-worker-");
        workers.setCorePoolSize(properties.workerThreads());
        workers.setMaxPoolSize(properties.workerThreads());
        // One waiting run is enough: it picks up every delivery due by the time it starts.
        workers.setQueueCapacity(1);
        workers.setRejectedExecutionHandler((task, executor) -> wakeUpWaiting.set(false));
        workers.initialize();
    }

    /** Deliveries were started (or a retry may be due): let a free worker thread work through what is due. */
    public void wakeUp() {
        if (!properties.workerEnabled() || !wakeUpWaiting.compareAndSet(false, true)) {
            return;
        }
        workers.execute(() -> {
            wakeUpWaiting.set(false);
            try {
                deliverDue();
            } catch (RuntimeException e) {
                // The database is away: the next poll tries again.
                log.warn("webhook worker: could not look for deliveries due: {}", e.toString());
            }
        });
    }

    /** The worker sees deliveries started in the current transaction only once it has committed. */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    @Scheduled(fixedDelayString = "${leadbridge.webhooks.poll-interval:2s}",
            initialDelayString = "${leadbridge.webhooks.poll-interval:2s}")
    void poll() {
        wakeUp();
    }

    /** Attempts every delivery that is due now, one after the other, in the calling thread. Returns how many. */
    public int deliverDue() {
        int attempted = 0;
        for (LockedExternalTask task = lockNext(); task != null; task = lockNext()) {
            attempt(task);
            attempted++;
        }
        return attempted;
    }

    private LockedExternalTask lockNext() {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(1, workerId)
                .topic(WebhookVariables.TOPIC_DELIVER_WEBHOOK, properties.lockTime().toMillis())
                .processDefinitionKey(WebhookVariables.PROCESS_KEY)
                .execute();
        return locked.isEmpty() ? null : locked.get(0);
    }

    private void attempt(LockedExternalTask task) {
        String deliveryId = task.getBusinessKey();
        String failure;
        try {
            sender.deliver(deliveryId);
            externalTasks.complete(task.getId(), workerId);
            return;
        } catch (WebhookSender.WebhookDeliveryFailedException e) {
            failure = e.getMessage();
        } catch (ProcessEngineException e) {
            // The lock ran out and another worker took the task, or the delivery was removed meanwhile.
            log.warn("webhook delivery {}: attempted, but its task could not be completed: {}", deliveryId,
                    e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("webhook delivery {}: attempt broke off", deliveryId, e);
            failure = "attempt broke off: " + e.getClass().getSimpleName();
        }
        int retriesLeft = properties.retriesAfterFailure(task.getRetries());
        Duration wait = properties.waitBeforeRetry(retriesLeft);
        try {
            externalTasks.handleFailure(task.getId(), workerId, failure, null, retriesLeft, wait.toMillis());
            log.info("webhook delivery {}: {}", deliveryId, retriesLeft > 0
                    ? "next attempt in " + wait + ", " + retriesLeft + " retries left" : "no retries left");
        } catch (ProcessEngineException e) {
            log.warn("webhook delivery {}: its failure could not be recorded, the lock runs out and it is tried "
                    + "again: {}", deliveryId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}

package io.leadbridge.config;

import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor of the Camunda starter ({@code camunda.bpm.job-execution.*}: the same thread
 * pool, the same settings), acquiring due jobs in batches that fit its threads
 * ({@link BatchedJobAcquisition}). Defined here, the starter's own is not created.
 */
public class LeadJobExecutor extends SpringJobExecutor {

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
            @Override
            protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
                return new BatchedJobAcquisition(jobExecutor, LeadJobExecutor.this::room);
            }
        };
    }

    /** How many more jobs the threads can take now: free threads and free places in their queue. */
    int room() {
        if (!(getTaskExecutor() instanceof ThreadPoolTaskExecutor pool)) {
            return Integer.MAX_VALUE;  // another executor: Camunda's own rule (it turns jobs away when full)
        }
        ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
        return threads.getQueue().remainingCapacity()
                + Math.max(0, threads.getMaximumPoolSize() - threads.getActiveCount());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class Definition {

        /** As the starter builds its job executor (DefaultJobConfiguration), with the batched acquisition. */
        @Bean
        static JobExecutor jobExecutor(@Qualifier("camundaTaskExecutor") TaskExecutor threads,
                CamundaBpmProperties properties) {
            LeadJobExecutor executor = new LeadJobExecutor();
            executor.setTaskExecutor(threads);
            executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
            JobExecutionProperty settings = properties.getJobExecution();
            Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
            Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
            Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
            Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
            Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
            Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
            Optional.ofNullable(settings.getBackoffDecreaseThreshold())
                    .ifPresent(executor::setBackoffDecreaseThreshold);
            Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
            return executor;
        }
    }
}

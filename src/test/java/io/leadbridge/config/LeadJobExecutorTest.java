package io.leadbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor takes the starter's settings and thread pool, and counts the room its threads
 * have as free threads plus free places in their queue.
 */
class LeadJobExecutorTest {

    private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdown();
    }

    @Test
    void takesTheStartersSettings() {
        CamundaBpmProperties properties = new CamundaBpmProperties();
        properties.getJobExecution().setLockTimeInMillis(60000);
        properties.getJobExecution().setMaxJobsPerAcquisition(8);
        properties.getJobExecution().setWaitTimeInMillis(2000);
        properties.getJobExecution().setMaxWait(5000L);
        threads.initialize();

        JobExecutor executor = LeadJobExecutor.Definition.jobExecutor(threads, properties);

        assertThat(executor).isInstanceOf(LeadJobExecutor.class);
        assertThat(((LeadJobExecutor) executor).getTaskExecutor()).isSameAs(threads);
        assertThat(executor.getLockTimeInMillis()).isEqualTo(60000);
        assertThat(executor.getMaxJobsPerAcquisition()).isEqualTo(8);
        assertThat(executor.getWaitTimeInMillis()).isEqualTo(2000);
        assertThat(executor.getMaxWait()).isEqualTo(5000);
        assertThat(executor.getRejectedJobsHandler()).as("jobs that found no room are acquired again").isNotNull();
    }

    @Test
    void roomIsFreeThreadsAndFreePlacesInTheQueue() throws Exception {
        threads.setCorePoolSize(4);
        threads.setMaxPoolSize(4);
        threads.setQueueCapacity(8);
        threads.initialize();
        LeadJobExecutor executor = new LeadJobExecutor();
        executor.setTaskExecutor(threads);
        assertThat(executor.room()).isEqualTo(12);

        CountDownLatch started = new CountDownLatch(4);
        for (int i = 0; i < 7; i++) {
            threads.execute(() -> {
                started.countDown();
                await();
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(executor.room()).as("4 threads busy, 3 of 8 places taken").isEqualTo(5);
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

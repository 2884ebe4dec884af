package io.leadbridge.database;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every health indicator (the database's, the mail server's, the engine's, ...) answers within
 * {@code leadbridge.database.health-timeout} or reports DOWN: a hung database made
 * {@code /actuator/health} hang instead of answering 503, and kept readiness 200 meanwhile.
 *
 * <p>Each check runs on a thread of its own. While a check hangs, the next health calls wait for
 * that same check (up to the bound each) instead of starting more, so a long outage does not pile
 * up threads or database connections.
 */
@Configuration(proxyBeanMethods = false)
class TimeBoundedHealth {

    @Bean
    static BeanPostProcessor timeBoundedHealthIndicators(ObjectProvider<DatabaseProperties> properties) {
        return new Wrapper(() -> properties.getObject().healthTimeout());
    }

    private static final class Wrapper implements BeanPostProcessor, DisposableBean {

        private final Supplier<Duration> timeout;
        private final ExecutorService checks;

        Wrapper(Supplier<Duration> timeout) {
            this.timeout = timeout;
            AtomicInteger count = new AtomicInteger();
            this.checks = Executors.newCachedThreadPool(work -> {
                Thread thread = new Thread(work, "health-check-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HealthIndicator indicator && !(bean instanceof Bounded)
                    ? new Bounded(beanName, indicator, timeout, checks) : bean;
        }

        @Override
        public void destroy() {
            checks.shutdownNow();
        }
    }

    /** One indicator, bounded. */
    static final class Bounded implements HealthIndicator {

        private final String name;
        private final HealthIndicator indicator;
        private final Supplier<Duration> timeout;
        private final ExecutorService checks;
        private Future<Health> running;

        Bounded(String name, HealthIndicator indicator, Supplier<Duration> timeout, ExecutorService checks) {
            this.name = name;
            this.indicator = indicator;
            this.timeout = timeout;
            this.checks = checks;
        }

        @Override
        public Health health() {
            Duration bound = timeout.get();
            try {
                return check().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return Health.down().withDetail("error", name + " did not answer within " + bound).build();
            } catch (ExecutionException e) {
                return Health.down().withDetail("error", name + " failed: " + e.getCause().getClass().getSimpleName())
                        .build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().withDetail("error", "interrupted").build();
            }
        }

        /** The check under way, or a new one. */
        private synchronized Future<Health> check() {
            if (running == null || running.isDone()) {
                running = checks.submit(indicator::health);
            }
            return running;
        }
    }
}

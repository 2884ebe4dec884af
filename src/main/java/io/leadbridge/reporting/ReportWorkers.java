package io.leadbridge.reporting;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a report's independent statements side by side, each on a connection of its own: the SLA
 * report counts its offers while their durations are read, the leaderboard its points while its
 * steps are counted, so a vendor-wide report takes about as long as its slower statement rather
 * than the sum. The statements only read; each already ran
 * on a connection of its own, outside a transaction, before they ran side by side.
 */
@Component
public class ReportWorkers {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), work -> {
                Thread thread = new Thread(work, "report-worker-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    /** Starts {@code statement} on a worker; {@link #await} its answer. */
    public <T> CompletableFuture<T> start(Supplier<T> statement) {
        return CompletableFuture.supplyAsync(statement, workers);
    }

    /** The statement's answer; its failure is thrown as it was thrown on the worker. */
    public static <T> T await(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}

package io.leadbridge.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a unit of work, each run in a transaction of its own, again when it loses a deadlock or
 * a serialization conflict ({@link DatabaseFailures#isConflict}), up to
 * {@code leadbridge.database.deadlock-attempts} runs with a short, growing, jittered pause in
 * between. Any other failure, and the last conflict, go to the caller unchanged.
 */
@Component
public class ConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final int attempts;
    private final Duration backoff;

    public ConflictRetry(DatabaseProperties properties) {
        this.attempts = properties.deadlockAttempts();
        this.backoff = properties.deadlockBackoff();
    }

    /** A checked unit of work, such as a proxied method call. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Throwable;
    }

    public <T> T run(String what, Supplier<T> work) {
        try {
            return call(what, work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);  // a Supplier throws no checked exception
        }
    }

    public <T> T call(String what, Work<T> work) throws Throwable {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (Throwable e) {
                if (attempt >= attempts || !DatabaseFailures.isConflict(e)) {
                    throw e;
                }
                log.warn("{}: lost a database conflict ({}), running it again (attempt {} of {})", what,
                        rootMessage(e), attempt + 1, attempts);
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        long millis = backoff.toMillis() * attempt;
        long jitter = backoff.toMillis() == 0 ? 0 : ThreadLocalRandom.current().nextLong(backoff.toMillis() + 1);
        try {
            Thread.sleep(millis + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\p{Cntrl}", " ");
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }
}

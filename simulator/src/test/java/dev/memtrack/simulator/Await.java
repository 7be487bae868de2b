package dev.memtrack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/**
 * Waits for a state of real threads or processes. The deadline is generous (30 s) and only turns a
 * hang into a failure: tests assert states, never durations.
 */
public final class Await {

    private static final long DEADLINE_SECONDS = 30;

    /** A state to wait for; may throw while the thing it checks is not ready. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    public static void until(Condition condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        try {
            while (!condition.holds()) {
                assertThat(System.nanoTime()).as("condition not met within %d s", DEADLINE_SECONDS).isLessThan(deadline);
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError("condition failed", e);
        }
    }
}

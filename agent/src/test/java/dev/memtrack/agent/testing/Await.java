package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/**
 * Waits for a state of real threads or processes. The deadline ({@link ChildJvm#TIMEOUT}) only turns a
 * hang into a failure: tests assert states, never durations.
 */
public final class Await {

    /** A state to wait for. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after the deadline. */
    public static void until(String what, Condition condition) {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        try {
            while (!condition.holds()) {
                assertThat(System.nanoTime()).as("%s: not within %s", what, ChildJvm.TIMEOUT).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("failed while waiting for " + what, e);
        }
    }
}

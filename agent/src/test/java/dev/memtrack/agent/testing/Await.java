package dev.memtrack.agent.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until something a test waits for is there, within {@link ChildJvm#TIMEOUT}; a timeout fails
 * the test with what was awaited and what was last seen. For state of real threads or of another
 * JVM that changes on its own schedule (a policy decision, a log line); the deadline only turns a
 * hang into a failure: tests assert states, never durations.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    /** A state to wait for. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after the deadline. */
    public static void until(String what, Condition condition) {
        until(what, () -> {
            try {
                return condition.holds();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("failed while waiting for " + what, e);
            }
        }, Boolean::booleanValue);
    }

    /**
     * @param what  what is awaited, for the failure message
     * @param probe reads the current state
     * @param done  whether it is what the test waits for
     * @return the first state {@code done} accepted
     */
    public static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        while (true) {
            T seen = probe.get();
            if (done.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + ChildJvm.TIMEOUT + " waiting for " + what
                        + "; last seen: " + seen);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}

package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a live JVM until what a test reads from it satisfies a condition, within {@link ChildJvm#TIMEOUT}. */
public final class Eventually {

    private static final long POLL_MILLIS = 200;

    private Eventually() {
    }

    /**
     * Reads until {@code done} accepts the value and returns it; fails the test with {@code what} and the
     * last value read when the time is up.
     */
    public static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                fail("waiting for " + what + " timed out after " + ChildJvm.TIMEOUT + "; last read: " + value);
            }
            pause(POLL_MILLIS);
            value = read.get();
        }
        return value;
    }

    /** Sleeps, turning an interruption into a test failure. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

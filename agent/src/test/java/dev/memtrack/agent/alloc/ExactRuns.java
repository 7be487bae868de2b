package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Compares what the tracker recorded for a run with the JVM's own count for it, less the tracker's
 * own bytes. The JVM's count can hold a few hundred bytes that no bytecode allocated: objects its
 * compiler had eliminated and re-creates when it deoptimizes (seen only with escape analysis on).
 * So: the tracker never records more than the JVM counted, and within a few consecutive runs one
 * matches to the byte.
 */
final class ExactRuns {

    private static final int ATTEMPTS = 5;

    private ExactRuns() {
    }

    /**
     * @param run      the workload; returns the JVM's count for the current thread during it
     * @param recorded what the tracker has recorded so far for the current thread
     */
    static void assertExact(AllocationTracker tracker, LongSupplier run, LongSupplier recorded) {
        List<Long> unexplained = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            long before = recorded.getAsLong();
            long own = tracker.ownBytesOfCurrentThread();
            long jvm = run.getAsLong();
            own = tracker.ownBytesOfCurrentThread() - own;
            long diff = jvm - own - (recorded.getAsLong() - before);
            unexplained.add(diff);
            assertThat(diff).as("bytes the JVM counted that the tracker did not, by run: %s", unexplained)
                    .isNotNegative();
            if (diff == 0) {
                return;
            }
        }
        throw new AssertionError("No run matched the JVM's count to the byte; unexplained bytes by run: " + unexplained);
    }
}

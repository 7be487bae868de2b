package dev.memtrack.agent.collect.jvm;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap by all threads since the JVM started, from the JVM's own per-thread
 * counters (exact, whatever the allocation tracker does).
 *
 * <p>Uses {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes()}, which includes
 * threads that have ended. Where that is not available, the sum over live threads is used instead:
 * it drops the bytes of threads that ended, so it can go down. Where the JVM does not count at all,
 * the value is -1.
 *
 * <p>Thread-safe.
 */
public final class AllocatedBytes {

    private final com.sun.management.ThreadMXBean threads;
    private volatile boolean totalSupported = true;

    public AllocatedBytes() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        this.threads = bean instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
                ? t : null;
    }

    /** Bytes allocated so far; -1 if the JVM does not count them (or counting is switched off). */
    public long total() {
        if (threads == null || !threads.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        if (totalSupported) {
            try {
                long total = threads.getTotalThreadAllocatedBytes();
                if (total >= 0) {
                    return total;
                }
            } catch (UnsupportedOperationException e) {
                // Fall through to the sum over live threads.
            }
            totalSupported = false;
        }
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }
}

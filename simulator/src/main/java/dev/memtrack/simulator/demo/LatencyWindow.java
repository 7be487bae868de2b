package dev.memtrack.simulator.demo;

import java.util.Arrays;

/**
 * Task latencies of the recent past: the last {@value #CAPACITY} tasks that ended within
 * {@link #WINDOW_NANOS}. Thread-safe; recording is O(1), a percentile sorts a copy.
 */
final class LatencyWindow {

    static final int CAPACITY = 2048;
    static final long WINDOW_NANOS = 30_000_000_000L;

    private final long[] endedAt = new long[CAPACITY];
    private final long[] latency = new long[CAPACITY];
    private int next;
    private int size;

    synchronized void record(long endedAtNanos, long latencyNanos) {
        endedAt[next] = endedAtNanos;
        latency[next] = latencyNanos;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** The given percentile (0-100] in milliseconds of the recent tasks, 0 if there were none. */
    synchronized double percentileMillis(double percentile, long nowNanos) {
        long[] recent = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (nowNanos - endedAt[i] <= WINDOW_NANOS) {
                recent[n++] = latency[i];
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(recent, 0, n);
        int rank = (int) Math.ceil(percentile / 100 * n) - 1;
        return recent[Math.max(0, rank)] / 1e6;
    }
}

package dev.memtrack.agent.alloc.table;

import dev.memtrack.mbeans.AllocationRates;

/**
 * Allocation rates over the last 1, 10 and 60 seconds from periodic readings of a monotonic byte
 * counter. Each rate is the difference between the newest reading and the newest reading at least
 * the window older, divided by the time between them; before a full window has passed it covers
 * the readings there are.
 *
 * <p>Thread-safe: one writer (the ticker) and any number of readers, under the object's lock.
 */
public final class RateWindows {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] nanos;
    private final long[] bytes;
    private int newest = -1;
    private int count;

    /** @param capacity readings kept; at least 61 for a 60 s window read every second */
    public RateWindows(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        this.nanos = new long[capacity];
        this.bytes = new long[capacity];
    }

    public synchronized void record(long atNanos, long totalBytes) {
        newest = (newest + 1) % nanos.length;
        nanos[newest] = atNanos;
        bytes[newest] = totalBytes;
        count = Math.min(count + 1, nanos.length);
    }

    public synchronized AllocationRates rates() {
        return new AllocationRates(rate(1), rate(10), rate(60));
    }

    /** Bytes per second over the last {@code seconds}, 0 before two readings exist. */
    public synchronized double rate(int seconds) {
        if (count < 2) {
            return 0;
        }
        long window = seconds * NANOS_PER_SECOND;
        int chosen = -1;
        for (int back = 1; back < count; back++) {
            int i = Math.floorMod(newest - back, nanos.length);
            chosen = i;
            // Readings are about a second apart: accept one up to half a reading short of the window.
            if (nanos[newest] - nanos[i] >= window - NANOS_PER_SECOND / 2) {
                break;
            }
        }
        long elapsed = nanos[newest] - nanos[chosen];
        return elapsed <= 0 ? 0 : (bytes[newest] - bytes[chosen]) * (double) NANOS_PER_SECOND / elapsed;
    }
}

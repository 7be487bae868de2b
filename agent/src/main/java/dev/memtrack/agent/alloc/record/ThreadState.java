package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.table.SizeBuckets;

/**
 * What one thread has recorded in one recording. Written only by its thread, without locks or
 * atomics; read racily by snapshots (slightly stale figures, never torn: 64-bit fields on 64-bit
 * HotSpot) and drained under the recording's lock.
 */
final class ThreadState {

    /** Small: short-lived threads (virtual ones especially) each get a state. */
    static final int INITIAL_SITES = 16;
    static final int MAX_SITES = 2048;

    final Thread thread;
    final long threadId;

    /** Bytes left before the next sample; sampled when it drops below zero. */
    long remaining;
    /** Mean of the distribution {@link #remaining} was drawn from: it sets the weights. */
    double countdownMean;
    private long rng;
    long samples;

    /** Exact counts not yet drained into the recording's table. */
    SiteCounts counts = new SiteCounts(INITIAL_SITES);
    long drainedCount;
    long drainedBytes;

    long estimatedCount;
    long estimatedBytes;

    /** Allocations per size bucket; allocated on first use (9 KB), so threads that never record pay nothing. */
    long[] sizeBuckets;
    long maxBytes;

    /** Bytes the tracker itself allocated on this thread (samples, growing tables). */
    long ownBytes;
    /** JVM counter of this thread at its last reading, -1 before the first. */
    long lastJvmBytes = -1;

    long[] sizeBuckets() {
        long[] b = sizeBuckets;
        if (b == null) {
            b = new long[SizeBuckets.COUNT];
            sizeBuckets = b;
        }
        return b;
    }

    ThreadState(Thread thread, long seed, long meanBytes) {
        this.thread = thread;
        this.threadId = thread.getId();
        this.rng = seed;
        restartCountdown(meanBytes);
    }

    double nextUnit() {
        rng += SplitMix64.GOLDEN_GAMMA;
        return SplitMix64.toUnit(rng);
    }

    /**
     * The countdown ran out during an allocation of {@code size} bytes: returns how many
     * allocations of that size this sample stands for and starts the next countdown, with the mean
     * interval now in force.
     */
    long takeSample(long size, long nextMeanBytes) {
        long count = PoissonSampling.countWeight(size, countdownMean, nextUnit());
        restartCountdown(nextMeanBytes);
        samples++;
        return count;
    }

    void restartCountdown(long meanBytes) {
        countdownMean = meanBytes;
        remaining = PoissonSampling.countdown(meanBytes, nextUnit());
    }

    /** Allocations counted exactly and not yet drained. */
    long exactCountInBuffer() {
        long sum = 0;
        SiteCounts c = counts;
        for (int i = 0; i < c.keys.length; i++) {
            if (c.keys[i] != 0) {
                sum += c.values[2 * i];
            }
        }
        return sum;
    }

    /** Bytes counted exactly and not yet drained. */
    long exactBytesInBuffer() {
        long sum = 0;
        SiteCounts c = counts;
        for (int i = 0; i < c.keys.length; i++) {
            if (c.keys[i] != 0) {
                sum += c.values[2 * i + 1];
            }
        }
        return sum;
    }
}

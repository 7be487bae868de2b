package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.AllocationSettings;

/**
 * Settings of the sampling countdown shared by every recording: the mean interval (changeable at
 * run time; a thread picks it up with its next countdown) and how each thread's generator is seeded.
 */
public final class Sampling {

    private volatile long intervalBytes;
    private final long seed;
    private final boolean reproducible;

    /**
     * @param intervalBytes mean bytes between samples
     * @param seed          base seed
     * @param reproducible  seed threads from {@code seed} and their names only, so a test can
     *                      replay the same samples; otherwise also from the clock
     */
    public Sampling(long intervalBytes, long seed, boolean reproducible) {
        AllocationSettings.checkInterval(intervalBytes);
        this.intervalBytes = intervalBytes;
        this.seed = seed;
        this.reproducible = reproducible;
    }

    public long intervalBytes() {
        return intervalBytes;
    }

    public void setIntervalBytes(long bytes) {
        AllocationSettings.checkInterval(bytes);
        this.intervalBytes = bytes;
    }

    long seedFor(Thread thread) {
        long s = seed ^ thread.getName().hashCode() * SplitMix64.GOLDEN_GAMMA;
        if (!reproducible) {
            s ^= System.nanoTime() * 31 + thread.getId();
        }
        return SplitMix64.mix(s);
    }
}

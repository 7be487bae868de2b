package dev.memtrack.agent.alloc.record;

/** The SplitMix64 generator (Steele, Lea, Flood 2014) as pure functions of a state word, so a thread's generator lives in one {@code long} field. */
final class SplitMix64 {

    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1) from the output for {@code state} (the caller advances state by {@link #GOLDEN_GAMMA}). */
    static double toUnit(long state) {
        return (mix(state) >>> 11) * 0x1.0p-53;
    }
}

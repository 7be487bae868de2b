package dev.memtrack.simulator.paging;

import dev.memtrack.simulator.EnumNames;

/** The page replacement algorithms of the simulator, each backed by its own {@link PageReplacement}. */
public enum ReplacementAlgorithm {
    /** {@link FifoReplacement}. */
    FIFO,
    /** {@link LruReplacement}. */
    LRU,
    /** {@link OptReplacement}; needs the whole reference string in advance. */
    OPT,
    /** {@link ClockReplacement}. */
    CLOCK,
    /** {@link LfuReplacement}. */
    LFU,
    /** {@link RandomReplacement}, seeded. */
    RANDOM;

    /** Whether the algorithm must know the reference string before the first reference (OPT). */
    public boolean needsFuture() {
        return this == OPT;
    }

    /**
     * Looks an algorithm up by name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ReplacementAlgorithm parse(String name) {
        return EnumNames.parse(ReplacementAlgorithm.class, "algorithm", name);
    }

    /** The accepted names, comma separated. */
    public static String names() {
        return EnumNames.list(ReplacementAlgorithm.class);
    }

    PageReplacement newReplacement(int capacity, long seed, int[] nextUses) {
        return switch (this) {
            case FIFO -> new FifoReplacement(capacity);
            case LRU -> new LruReplacement(capacity);
            case OPT -> new OptReplacement(capacity, nextUses);
            case CLOCK -> new ClockReplacement(capacity);
            case LFU -> new LfuReplacement(capacity);
            case RANDOM -> new RandomReplacement(capacity, seed);
        };
    }
}

package dev.memtrack.simulator.paging;

import java.util.SplittableRandom;

/**
 * Evicts a uniformly chosen frame. The generator is seeded, so a run is reproducible: the same
 * seed, frames and reference string give the same faults.
 */
public final class RandomReplacement implements PageReplacement {

    private final int capacity;
    private final SplittableRandom random;

    /**
     * @param capacity frames in the pool, at least 1
     * @param seed     seed of the victim choices
     */
    public RandomReplacement(int capacity, long seed) {
        this.capacity = Frames.requirePositive(capacity);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void loaded(int frame, long position) {
        // Random choice keeps no history.
    }

    @Override
    public void hit(int frame, long position) {
        // Random choice keeps no history.
    }

    @Override
    public int victim() {
        return random.nextInt(capacity);
    }
}

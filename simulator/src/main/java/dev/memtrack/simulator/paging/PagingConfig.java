package dev.memtrack.simulator.paging;

import java.util.Objects;

/**
 * Settings of one paging simulation.
 *
 * @param algorithm  replacement algorithm
 * @param frames     physical frames, 1 to {@link #MAX_FRAMES}
 * @param scope      GLOBAL or LOCAL replacement when several processes share the frames
 * @param allocation how LOCAL replacement divides frames among processes (unused with GLOBAL)
 * @param seed       seed of RANDOM's victim choice (a LOCAL pool {@code i} uses {@code seed + i})
 */
public record PagingConfig(ReplacementAlgorithm algorithm, int frames, ReplacementScope scope,
                           FrameAllocation allocation, long seed) {

    /** Largest frame count the simulator accepts (its per-frame tables are arrays). */
    public static final int MAX_FRAMES = 1 << 24;

    /** Seed used unless another is given, so that RANDOM runs are reproducible. */
    public static final long DEFAULT_SEED = 42;

    public PagingConfig {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(allocation, "allocation");
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("frames must be 1 to " + MAX_FRAMES + ", was " + frames);
        }
    }

    /** GLOBAL replacement, EQUAL allocation, {@link #DEFAULT_SEED}. */
    public static PagingConfig of(ReplacementAlgorithm algorithm, int frames) {
        return new PagingConfig(algorithm, frames, ReplacementScope.GLOBAL, FrameAllocation.EQUAL, DEFAULT_SEED);
    }

    public PagingConfig withAlgorithm(ReplacementAlgorithm newAlgorithm) {
        return new PagingConfig(newAlgorithm, frames, scope, allocation, seed);
    }

    public PagingConfig withFrames(int newFrames) {
        return new PagingConfig(algorithm, newFrames, scope, allocation, seed);
    }

    public PagingConfig withScope(ReplacementScope newScope, FrameAllocation newAllocation) {
        return new PagingConfig(algorithm, frames, newScope, newAllocation, seed);
    }

    public PagingConfig withSeed(long newSeed) {
        return new PagingConfig(algorithm, frames, scope, allocation, newSeed);
    }
}

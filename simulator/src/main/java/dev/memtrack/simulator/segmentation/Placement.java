package dev.memtrack.simulator.segmentation;

/**
 * Chooses the hole a new segment goes into. The segment always takes the low end of the chosen
 * hole; implementations only choose, in O(log n) through the {@link FreeHoles} indexes.
 */
public interface Placement {

    /** The hole to place {@code size} bytes in, or {@code null} when none is large enough. */
    Hole choose(FreeHoles holes, long size);

    /** Told after a segment was placed at {@code [base, base + size)}; NEXT_FIT remembers it. */
    default void placed(long base, long size) {
    }
}

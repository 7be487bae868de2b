package dev.memtrack.simulator.segmentation;

/**
 * A free, contiguous range of the simulated memory.
 *
 * @param base   first free address
 * @param length bytes, {@code > 0}
 */
public record Hole(long base, long length) {

    public Hole {
        if (base < 0 || length <= 0) {
            throw new IllegalArgumentException("a hole needs base >= 0 and length > 0: [" + base + ", " + length + "]");
        }
    }

    /** First address after the hole. */
    public long end() {
        return base + length;
    }
}

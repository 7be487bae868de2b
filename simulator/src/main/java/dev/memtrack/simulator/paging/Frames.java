package dev.memtrack.simulator.paging;

/** Validation shared by the replacement algorithms' constructors. */
final class Frames {

    private Frames() {
    }

    static int requirePositive(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("frames must be at least 1, was " + capacity);
        }
        return capacity;
    }
}

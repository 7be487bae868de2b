package dev.memtrack.simulator.segmentation;

/**
 * First fit that resumes where the previous allocation ended (the rover, initially 0): the search
 * starts with the hole containing the rover, or the first hole above it, goes up in address order,
 * then wraps to the lowest hole. Failed allocations, frees and compaction leave the rover alone.
 */
public final class NextFitPlacement implements Placement {

    private long rover;

    @Override
    public Hole choose(FreeHoles holes, long size) {
        Hole start = holes.atOrAfter(rover);
        Hole found = start == null ? null : holes.firstFit(start.base(), size);
        // Wrapped: only holes below the start can match now.
        return found != null ? found : holes.firstFit(0, size);
    }

    @Override
    public void placed(long base, long size) {
        rover = base + size;
    }

    /** Where the next search starts. */
    public long rover() {
        return rover;
    }
}

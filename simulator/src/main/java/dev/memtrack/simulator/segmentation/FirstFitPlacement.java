package dev.memtrack.simulator.segmentation;

/** The lowest-addressed hole that is large enough. */
public final class FirstFitPlacement implements Placement {

    @Override
    public Hole choose(FreeHoles holes, long size) {
        return holes.firstFit(0, size);
    }
}

package dev.memtrack.simulator.segmentation;

/** The largest hole, if it is large enough; among equally large ones, the lowest-addressed. */
public final class WorstFitPlacement implements Placement {

    @Override
    public Hole choose(FreeHoles holes, long size) {
        return holes.worstFit(size);
    }
}

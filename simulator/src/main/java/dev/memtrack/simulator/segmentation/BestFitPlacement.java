package dev.memtrack.simulator.segmentation;

/** The smallest hole that is large enough; among equally small ones, the lowest-addressed. */
public final class BestFitPlacement implements Placement {

    @Override
    public Hole choose(FreeHoles holes, long size) {
        return holes.bestFit(size);
    }
}

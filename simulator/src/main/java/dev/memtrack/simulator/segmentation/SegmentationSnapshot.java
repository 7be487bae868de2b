package dev.memtrack.simulator.segmentation;

import java.util.List;

/**
 * A consistent, immutable picture of a {@link SegmentedMemory}.
 *
 * @param memorySize            simulated bytes in all
 * @param strategy              placement strategy
 * @param segments              allocated segments by address
 * @param holes                 free holes by address
 * @param freeBytes             bytes in holes
 * @param allocatedBytes        bytes in segments
 * @param largestHole           longest hole, 0 if none
 * @param externalFragmentation {@code 1 - largestHole / freeBytes}, 0 when nothing is free
 * @param failedAllocations     allocations that found no hole large enough
 */
public record SegmentationSnapshot(long memorySize, PlacementStrategy strategy, List<Segment> segments,
                                   List<Hole> holes, long freeBytes, long allocatedBytes, long largestHole,
                                   double externalFragmentation, long failedAllocations) {

    public SegmentationSnapshot {
        segments = List.copyOf(segments);
        holes = List.copyOf(holes);
    }
}

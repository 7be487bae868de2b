package dev.memtrack.simulator.segmentation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contiguous simulated memory in which processes own named segments, placed by a
 * {@link PlacementStrategy}.
 *
 * <p>Conventions, so results are reproducible: a segment takes the low end of the chosen hole;
 * ties between holes go to the lowest address; NEXT_FIT resumes at the end of the previous
 * allocation and wraps; freeing merges the space with adjacent holes; {@link #compact()} slides the
 * segments to low addresses keeping their order, leaving at most one hole, at the top.
 *
 * <p>Allocation and free cost O(log holes) (see {@link FreeHoles}); listing and compaction are
 * O(n log n). Sizes and addresses are simulated bytes ({@code long}).
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it.
 */
public final class SegmentedMemory {

    private final long memorySize;
    private final PlacementStrategy strategy;
    private final Placement placement;
    private final FreeHoles holes;
    private final Map<String, Segment> segments = new HashMap<>();
    private long failedAllocations;

    /**
     * @param memorySize simulated bytes, {@code > 0}
     * @param strategy   placement strategy
     */
    public SegmentedMemory(long memorySize, PlacementStrategy strategy) {
        if (memorySize <= 0) {
            throw new IllegalArgumentException("memory size must be > 0, was " + memorySize);
        }
        this.memorySize = memorySize;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.placement = strategy.newPlacement();
        this.holes = new FreeHoles(memorySize, strategy.ordersHolesBySize());
    }

    /**
     * Places a segment.
     *
     * @param name {@code process/segment} or a bare name (its own process), not in use
     * @param size simulated bytes, {@code > 0}
     * @return the base address, or -1 when no hole is large enough (counted as a failed allocation)
     * @throws IllegalArgumentException for a bad name, a name in use or a size {@code <= 0}
     */
    public long allocate(String name, long size) {
        String process = Segment.processOf(name);
        if (size <= 0) {
            throw new IllegalArgumentException("size of segment " + name + " must be > 0, was " + size);
        }
        if (segments.containsKey(name)) {
            throw new IllegalArgumentException("segment " + name + " is already allocated; free it first");
        }
        Hole hole = placement.choose(holes, size);
        if (hole == null) {
            failedAllocations++;
            return -1;
        }
        holes.take(hole, size);
        placement.placed(hole.base(), size);
        segments.put(name, new Segment(name, process, hole.base(), size));
        return hole.base();
    }

    /**
     * Frees a segment; its space joins the adjacent holes.
     *
     * @throws IllegalArgumentException if no segment has that name
     */
    public Segment free(String name) {
        Segment segment = segments.remove(name);
        if (segment == null) {
            throw new IllegalArgumentException("no segment named '" + name + "' is allocated");
        }
        holes.release(segment.base(), segment.limit());
        return segment;
    }

    /** Frees every segment of {@code process}; returns how many. O(segments). */
    public int freeProcess(String process) {
        List<String> names = new ArrayList<>();
        for (Segment s : segments.values()) {
            if (s.process().equals(process)) {
                names.add(s.name());
            }
        }
        names.forEach(this::free);
        return names.size();
    }

    /**
     * Slides every segment to the lowest addresses, keeping their order, so that all free space forms
     * one hole at the top. Returns the number of segments that moved.
     */
    public int compact() {
        long next = 0;
        int moved = 0;
        for (Segment s : segmentsByAddress()) {
            if (s.base() != next) {
                segments.put(s.name(), new Segment(s.name(), s.process(), next, s.limit()));
                moved++;
            }
            next += s.limit();
        }
        holes.resetTo(next, memorySize - next);
        return moved;
    }

    /**
     * Translates a logical address to a physical one with limit checking. An unknown segment, a
     * negative offset or an offset {@code >= limit} is reported as a fault, not thrown.
     */
    public AddressTranslation translate(String name, long offset) {
        Segment s = segments.get(name);
        if (s == null) {
            return AddressTranslation.fault(name, offset, "no segment named '" + name + "' is allocated");
        }
        if (offset < 0 || offset >= s.limit()) {
            return AddressTranslation.fault(name, offset, "protection fault: offset " + offset
                    + " is outside segment " + name + " (limit " + s.limit() + ")");
        }
        return AddressTranslation.ok(name, offset, s.base() + offset);
    }

    public Optional<Segment> segment(String name) {
        return Optional.ofNullable(segments.get(name));
    }

    /** Allocated segments by address. O(n log n). */
    public List<Segment> segmentsByAddress() {
        List<Segment> list = new ArrayList<>(segments.values());
        list.sort(Comparator.comparingLong(Segment::base));
        return list;
    }

    /** Free holes by address. O(n). */
    public List<Hole> holes() {
        return holes.list();
    }

    public long memorySize() {
        return memorySize;
    }

    public PlacementStrategy strategy() {
        return strategy;
    }

    public int segmentCount() {
        return segments.size();
    }

    public long freeBytes() {
        return holes.freeBytes();
    }

    public long allocatedBytes() {
        return memorySize - holes.freeBytes();
    }

    public int holeCount() {
        return holes.count();
    }

    public long largestHole() {
        return holes.longest();
    }

    /** {@code 1 - largest hole / free bytes}; 0 when nothing is free. */
    public double externalFragmentation() {
        long free = holes.freeBytes();
        return free == 0 ? 0 : 1 - (double) holes.longest() / free;
    }

    /** Allocations that found no hole large enough. */
    public long failedAllocations() {
        return failedAllocations;
    }

    /** Everything at once, consistent and immutable. O(n log n). */
    public SegmentationSnapshot snapshot() {
        return new SegmentationSnapshot(memorySize, strategy, segmentsByAddress(), holes(), freeBytes(),
                allocatedBytes(), largestHole(), externalFragmentation(), failedAllocations);
    }
}

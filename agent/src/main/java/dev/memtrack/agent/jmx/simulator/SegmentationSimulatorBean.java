package dev.memtrack.agent.jmx.simulator;

import dev.memtrack.mbeans.HoleRow;
import dev.memtrack.mbeans.SegmentRow;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.Translation;
import dev.memtrack.simulator.segmentation.AddressTranslation;
import dev.memtrack.simulator.segmentation.Hole;
import dev.memtrack.simulator.segmentation.PlacementStrategy;
import dev.memtrack.simulator.segmentation.Segment;
import dev.memtrack.simulator.segmentation.SegmentedMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.openmbean.TabularData;

/**
 * {@code memtrack:type=Simulator,name=Segmentation}: one {@link SegmentedMemory} of the library behind
 * the MBean contract, guarded by this object's lock; attributes are copies taken under it.
 *
 * <p>It starts with {@value #DEFAULT_MEMORY_SIZE} simulated bytes placed FIRST_FIT, so it is usable
 * before the first {@code reset}. A client cannot exhaust the host's heap through it: at most
 * {@value #MAX_SEGMENTS} segments live at once (each costs a few hundred bytes of real heap, and the
 * segment and hole tables are sent whole to consoles), with names of at most
 * {@value #MAX_NAME_LENGTH} characters.
 */
public final class SegmentationSimulatorBean implements SegmentationSimulatorMXBean {

    /** Most segments allocated at once. */
    public static final int MAX_SEGMENTS = 10_000;

    /** Longest segment or process name. */
    public static final int MAX_NAME_LENGTH = 128;

    static final long DEFAULT_MEMORY_SIZE = 1L << 20;
    static final PlacementStrategy DEFAULT_STRATEGY = PlacementStrategy.FIRST_FIT;

    private static final String NAME_RULE = "use 'process/segment' or a bare name";

    private SegmentedMemory memory = new SegmentedMemory(DEFAULT_MEMORY_SIZE, DEFAULT_STRATEGY);

    @Override
    public String[] getStrategies() {
        return Arrays.stream(PlacementStrategy.values()).map(Enum::name).toArray(String[]::new);
    }

    @Override
    public void reset(long memorySize, String strategy) {
        Arguments.inRange(memorySize, "memorySize", 1, MAX_MEMORY_SIZE);
        SegmentedMemory fresh =
                new SegmentedMemory(memorySize, Arguments.choice(PlacementStrategy.class, "strategy", strategy));
        synchronized (this) {
            memory = fresh;
        }
    }

    @Override
    public synchronized long allocate(String name, long size) {
        segmentName(name);
        if (size > memory.memorySize()) {
            throw new IllegalArgumentException("size " + size + " of segment " + name + " is not accepted: "
                    + "accepted 1 to " + memory.memorySize() + " (the memory size)");
        }
        if (memory.segmentCount() >= MAX_SEGMENTS && memory.segment(name).isEmpty()) {
            throw new IllegalArgumentException("segment " + name + " is not accepted: " + MAX_SEGMENTS
                    + " segments are allocated, the most this simulator keeps; free some or reset");
        }
        // The library refuses a size <= 0, a malformed name and a name in use, naming the value.
        return memory.allocate(name, size);
    }

    @Override
    public synchronized void free(String name) {
        memory.free(segmentName(name));
    }

    @Override
    public synchronized int freeProcess(String process) {
        Arguments.text(process, "process", MAX_NAME_LENGTH, "a process name (the part before '/')");
        if (process.indexOf('/') >= 0) {
            throw new IllegalArgumentException("process " + Arguments.quote(process)
                    + " is not accepted: a process name has no '/' (free a single segment with free)");
        }
        return memory.freeProcess(process);
    }

    @Override
    public synchronized void compact() {
        memory.compact();
    }

    @Override
    public synchronized Translation translate(String name, long offset) {
        AddressTranslation t = memory.translate(segmentName(name), offset);
        return new Translation(t.segment(), t.offset(), t.physicalAddress(), t.fault(), t.message());
    }

    @Override
    public synchronized String getStrategy() {
        return memory.strategy().name();
    }

    @Override
    public synchronized long getMemorySize() {
        return memory.memorySize();
    }

    @Override
    public synchronized long getFreeBytes() {
        return memory.freeBytes();
    }

    @Override
    public synchronized long getAllocatedBytes() {
        return memory.allocatedBytes();
    }

    @Override
    public synchronized int getHoleCount() {
        return memory.holeCount();
    }

    @Override
    public synchronized long getLargestHoleBytes() {
        return memory.largestHole();
    }

    @Override
    public synchronized double getExternalFragmentation() {
        return memory.externalFragmentation();
    }

    @Override
    public synchronized long getFailedAllocations() {
        return memory.failedAllocations();
    }

    @Override
    public TabularData getSegments() {
        List<Segment> segments;
        synchronized (this) {
            segments = memory.segmentsByAddress();
        }
        List<SegmentRow> rows = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            rows.add(new SegmentRow(s.name(), s.process(), s.base(), s.limit()));
        }
        return SEGMENT_TABLE.toTabularData(rows);
    }

    @Override
    public TabularData getHoles() {
        List<Hole> holes;
        synchronized (this) {
            holes = memory.holes();
        }
        List<HoleRow> rows = new ArrayList<>(holes.size());
        for (Hole h : holes) {
            rows.add(new HoleRow(h.base(), h.length()));
        }
        return HOLE_TABLE.toTabularData(rows);
    }

    private static String segmentName(String name) {
        Arguments.text(name, "segment name", MAX_NAME_LENGTH, NAME_RULE);
        Segment.processOf(name);
        return name;
    }
}

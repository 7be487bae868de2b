package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/**
 * Segmentation simulator over a contiguous simulated memory. A segment is named
 * {@code process/segment} (e.g. {@code P1/code}) or by a bare name, which is its own process.
 * Strategies: FIRST_FIT, BEST_FIT, WORST_FIT, NEXT_FIT.
 */
@Description("Segmentation simulator: place, free and compact segments, translate addresses, watch fragmentation")
public interface SegmentationSimulatorMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Simulator,name=Segmentation";

    RecordTable<SegmentRow> SEGMENT_TABLE = RecordTable.of(SegmentRow.class, "One allocated segment", "name");
    RecordTable<HoleRow> HOLE_TABLE = RecordTable.of(HoleRow.class, "One free hole", "base");

    /** Largest simulated memory the MBean accepts. */
    long MAX_MEMORY_SIZE = 1L << 40;

    @Description("Names of the placement strategies")
    String[] getStrategies();

    @Description("Starts over with an empty memory")
    void reset(@Description("Memory size in simulated bytes, 1 to 2^40") long memorySize,
               @Description("FIRST_FIT, BEST_FIT, WORST_FIT or NEXT_FIT") String strategy);

    @Units(Units.SIMULATED_BYTES)
    @Description("Places a segment; returns its base address, or -1 when no hole is large enough")
    long allocate(@Description("Segment name, 'process/segment' or a bare name; must not be in use") String name,
                  @Description("Size in simulated bytes, > 0") long size);

    @Description("Frees a segment; its space joins the neighbouring holes")
    void free(@Description("Name of an allocated segment") String name);

    @Description("Frees every segment of a process")
    @Units(Units.COUNT)
    int freeProcess(@Description("Process name") String process);

    @Description("Slides all segments to low addresses keeping their order, leaving one hole")
    void compact();

    @Description("Translates a logical address (segment, offset) to a physical address; "
            + "an offset outside the segment is reported as a protection fault")
    @ReadOnly
    Translation translate(@Description("Segment name") String name,
                          @Description("Offset within the segment, >= 0") long offset);

    @Description("Placement strategy in use")
    String getStrategy();

    @Units(Units.SIMULATED_BYTES)
    @Description("Size of the simulated memory")
    long getMemorySize();

    @Units(Units.SIMULATED_BYTES)
    @Description("Bytes in holes")
    long getFreeBytes();

    @Units(Units.SIMULATED_BYTES)
    @Description("Bytes in segments")
    long getAllocatedBytes();

    @Units(Units.COUNT)
    @Description("Number of holes")
    int getHoleCount();

    @Units(Units.SIMULATED_BYTES)
    @Description("Size of the largest hole")
    long getLargestHoleBytes();

    @Units(Units.RATIO)
    @Description("External fragmentation: 1 - largest hole / free bytes (0 when free bytes are 0)")
    double getExternalFragmentation();

    @Units(Units.COUNT)
    @Description("Allocations that found no hole large enough since the last reset")
    long getFailedAllocations();

    @Description("Allocated segments by address")
    @TableOf(SegmentRow.class)
    TabularData getSegments();

    @Description("Free holes by address")
    @TableOf(HoleRow.class)
    TabularData getHoles();
}

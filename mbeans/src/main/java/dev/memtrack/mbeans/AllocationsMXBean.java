package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/**
 * Heap allocations of the instrumented code, per site, type and thread. Totals come from the JVM's
 * own counters and are exact in every mode; what instrumented sites account for is exact in
 * {@link AllocationMode#EXACT} and an unbiased estimate in {@link AllocationMode#SAMPLED}.
 * {@code TotalAllocatedBytes = TrackedAllocatedBytes + UnattributedBytes} since the last reset.
 */
@Description("Heap allocations per site, type and thread; exact totals from the JVM's counters")
public interface AllocationsMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Allocations";

    RecordTable<SiteRow> SITE_TABLE = RecordTable.of(SiteRow.class, "Allocations at one site of one type", "rank");
    RecordTable<TypeRow> TYPE_TABLE = RecordTable.of(TypeRow.class, "Allocations of one type", "rank");
    RecordTable<ThreadRow> THREAD_TABLE = RecordTable.of(ThreadRow.class, "Allocations of one thread", "rank");

    @Description("EXACT (every allocation), SAMPLED (unbiased estimate, low overhead) or OFF")
    AllocationMode getMode();

    void setMode(AllocationMode mode);

    @Units(Units.BYTES)
    @Description("SAMPLED mode: mean bytes between two samples of a thread, 1 KiB to 1 GiB")
    long getSamplingIntervalBytes();

    void setSamplingIntervalBytes(long bytes);

    @Units(Units.EPOCH_MILLISECONDS)
    @Description("When the tables were last reset (or the tracker started)")
    long getSinceMillis();

    @Units(Units.BYTES)
    @Description("Bytes allocated by all threads since the last reset (JVM counters, exact)")
    long getTotalAllocatedBytes();

    @Units(Units.BYTES_PER_SECOND)
    @Description("Allocation rate of all threads over the last second (JVM counters)")
    double getAllocationRateBytesPerSecond();

    @Description("Allocation rate of all threads over 1 s, 10 s and 60 s windows")
    AllocationRates getAllocationRates();

    @Units(Units.COUNT)
    @Description("Allocations at instrumented sites since the last reset (estimated in SAMPLED mode)")
    long getTrackedAllocationCount();

    @Units(Units.BYTES)
    @Description("Bytes allocated at instrumented sites since the last reset (estimated in SAMPLED mode)")
    long getTrackedAllocatedBytes();

    @Units(Units.BYTES)
    @Description("Total - tracked: bytes allocated outside instrumented sites (JDK internals, excluded classes)")
    long getUnattributedBytes();

    @Description("Whether tracked figures are estimates (SAMPLED) rather than exact counts")
    boolean isEstimated();

    @Description("Top allocation sites (class.method(File:line) and allocated type) by bytes")
    @TableOf(SiteRow.class)
    TabularData getTopSites();

    @Description("Top allocated types by bytes; names as Java writes them (int[], java.lang.String[][])")
    @TableOf(TypeRow.class)
    TabularData getTopTypes();

    @Description("Top allocating threads by bytes")
    @TableOf(ThreadRow.class)
    TabularData getTopThreads();

    @Description("Distribution of allocation sizes (HdrHistogram)")
    SizePercentiles getSizePercentiles();

    @Description("Clears the tables, counters and histograms")
    void reset();

    @Description("The n top allocation sites by bytes")
    @ReadOnly
    @TableOf(SiteRow.class)
    TabularData topSites(@Description("Rows, 1-10000") int n);

    @Description("The n top allocated types by bytes")
    @ReadOnly
    @TableOf(TypeRow.class)
    TabularData topTypes(@Description("Rows, 1-10000") int n);

    @Description("Sampled allocation stacks in folded form ('frame;frame;frame bytes' per line), "
            + "the input of flame graphs; heaviest first")
    @ReadOnly
    String foldedStacks(@Description("Lines at most, 1-100000") int maxLines);
}

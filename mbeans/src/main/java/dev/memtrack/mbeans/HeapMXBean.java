package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/**
 * The JVM's heap, memory pools and garbage collectors, sampled every interval from the platform
 * MXBeans; GC pauses come from GC notifications; allocated bytes from the JVM's per-thread
 * allocation counters (exact, whatever the allocation tracker's mode).
 */
@Description("Heap, memory pools, garbage collection and JVM-wide allocation of this JVM")
public interface HeapMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Heap";

    RecordTable<MemoryPoolRow> POOL_TABLE = RecordTable.of(MemoryPoolRow.class, "One memory pool", "name");
    RecordTable<CollectorRow> COLLECTOR_TABLE = RecordTable.of(CollectorRow.class, "One garbage collector", "name");

    @Units(Units.EPOCH_MILLISECONDS)
    @Description("When the values were sampled")
    long getSampledAtMillis();

    @Units(Units.BYTES)
    @Description("Heap in use")
    long getHeapUsedBytes();

    @Units(Units.BYTES)
    @Description("Heap committed by the JVM")
    long getHeapCommittedBytes();

    @Units(Units.BYTES)
    @Description("Maximum heap (-Xmx); -1 if undefined")
    long getHeapMaxBytes();

    @Units(Units.PERCENT)
    @Description("Heap in use as a percentage of the maximum heap, 0-100")
    double getHeapUsedPercent();

    @Units(Units.BYTES)
    @Description("Heap in use right after the last garbage collection (sum over heap pools); -1 before the first GC")
    long getHeapUsedAfterLastGcBytes();

    @Units(Units.PERCENT)
    @Description("Heap in use after the last GC as a percentage of the maximum heap; -1 before the first GC")
    double getHeapUsedAfterLastGcPercent();

    @Units(Units.BYTES)
    @Description("Non-heap memory in use (metaspace, code cache, ...)")
    long getNonHeapUsedBytes();

    @Units(Units.BYTES)
    @Description("Non-heap memory committed")
    long getNonHeapCommittedBytes();

    @Units(Units.BYTES)
    @Description("Maximum non-heap memory; -1 if undefined")
    long getNonHeapMaxBytes();

    @Description("Each memory pool: used, committed, max and used after the last GC")
    @TableOf(MemoryPoolRow.class)
    TabularData getMemoryPools();

    @Description("Each garbage collector: collection count and accumulated time")
    @TableOf(CollectorRow.class)
    TabularData getCollectors();

    @Units(Units.PERCENT)
    @Description("Share of wall time spent in GC over the last interval, 0-100")
    double getGcTimePercent();

    @Description("GC pause percentiles since start, from GC notifications")
    GcPauses getGcPauses();

    @Units(Units.BYTES)
    @Description("Bytes allocated on the heap by all threads since the JVM started (JVM counters, exact)")
    long getTotalAllocatedBytes();

    @Units(Units.BYTES_PER_SECOND)
    @Description("Heap allocation rate over the last interval (JVM counters)")
    double getAllocationRateBytesPerSecond();
}

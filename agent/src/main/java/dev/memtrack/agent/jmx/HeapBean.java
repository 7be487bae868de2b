package dev.memtrack.agent.jmx;

import dev.memtrack.agent.collect.jvm.HeapStats;
import dev.memtrack.mbeans.GcPauses;
import dev.memtrack.mbeans.HeapMXBean;
import java.util.function.Supplier;
import javax.management.openmbean.TabularData;

/** {@code memtrack:type=Heap}: every getter reads the latest {@link HeapStats}; none does I/O. */
public final class HeapBean implements HeapMXBean {

    private final Supplier<HeapStats> latest;

    public HeapBean(Supplier<HeapStats> latest) {
        this.latest = latest;
    }

    @Override
    public long getSampledAtMillis() {
        return latest.get().sampledAtMillis();
    }

    @Override
    public long getHeapUsedBytes() {
        return latest.get().heapUsedBytes();
    }

    @Override
    public long getHeapCommittedBytes() {
        return latest.get().heapCommittedBytes();
    }

    @Override
    public long getHeapMaxBytes() {
        return latest.get().heapMaxBytes();
    }

    @Override
    public double getHeapUsedPercent() {
        return latest.get().heapUsedPercent();
    }

    @Override
    public long getHeapUsedAfterLastGcBytes() {
        return latest.get().heapUsedAfterLastGcBytes();
    }

    @Override
    public double getHeapUsedAfterLastGcPercent() {
        return latest.get().heapUsedAfterLastGcPercent();
    }

    @Override
    public long getNonHeapUsedBytes() {
        return latest.get().nonHeapUsedBytes();
    }

    @Override
    public long getNonHeapCommittedBytes() {
        return latest.get().nonHeapCommittedBytes();
    }

    @Override
    public long getNonHeapMaxBytes() {
        return latest.get().nonHeapMaxBytes();
    }

    @Override
    public TabularData getMemoryPools() {
        return POOL_TABLE.toTabularData(latest.get().pools());
    }

    @Override
    public TabularData getCollectors() {
        return COLLECTOR_TABLE.toTabularData(latest.get().collectors());
    }

    @Override
    public double getGcTimePercent() {
        return latest.get().gcTimePercent();
    }

    @Override
    public GcPauses getGcPauses() {
        return latest.get().gcPauses();
    }

    @Override
    public long getTotalAllocatedBytes() {
        return latest.get().totalAllocatedBytes();
    }

    @Override
    public double getAllocationRateBytesPerSecond() {
        return latest.get().allocationRateBytesPerSecond();
    }
}

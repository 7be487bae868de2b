package dev.memtrack.agent.alloc;

import dev.memtrack.agent.alloc.record.FoldedStack;
import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationRates;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.SizePercentiles;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.openmbean.TabularData;

/**
 * {@code memtrack:type=Allocations}. Attribute getters read the engine's snapshot (rebuilt at
 * most once a second) or its rate windows; nothing is computed per read beyond copying rows.
 */
final class Allocations implements AllocationsMXBean {

    /** Rows of the TopSites, TopTypes and TopThreads attributes; the operations return more. */
    static final int ATTRIBUTE_ROWS = 100;
    static final int MAX_ROWS = 10_000;
    static final int MAX_STACK_LINES = 100_000;

    private final AllocationEngine engine;

    Allocations(AllocationEngine engine) {
        this.engine = engine;
    }

    @Override
    public AllocationMode getMode() {
        return engine.mode();
    }

    @Override
    public void setMode(AllocationMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("Mode must be one of EXACT, SAMPLED, OFF; got nothing");
        }
        engine.setMode(mode);
    }

    @Override
    public long getSamplingIntervalBytes() {
        return engine.samplingIntervalBytes();
    }

    @Override
    public void setSamplingIntervalBytes(long bytes) {
        if (bytes < AllocationSettings.MIN_INTERVAL_BYTES || bytes > AllocationSettings.MAX_INTERVAL_BYTES) {
            throw new IllegalArgumentException("SamplingIntervalBytes: " + bytes + " is out of range; accepted: "
                    + AllocationSettings.MIN_INTERVAL_BYTES + " (1 KiB) to " + AllocationSettings.MAX_INTERVAL_BYTES
                    + " (1 GiB)");
        }
        engine.setSamplingIntervalBytes(bytes);
    }

    @Override
    public long getSinceMillis() {
        return engine.snapshot().sinceMillis();
    }

    @Override
    public long getTotalAllocatedBytes() {
        return engine.snapshot().totalAllocatedBytes();
    }

    @Override
    public double getAllocationRateBytesPerSecond() {
        return engine.rateLastSecond();
    }

    @Override
    public AllocationRates getAllocationRates() {
        return engine.rates();
    }

    @Override
    public long getTrackedAllocationCount() {
        return engine.snapshot().trackedCount();
    }

    @Override
    public long getTrackedAllocatedBytes() {
        return engine.snapshot().trackedBytes();
    }

    @Override
    public long getUnattributedBytes() {
        return engine.snapshot().unattributedBytes();
    }

    @Override
    public boolean isEstimated() {
        return engine.snapshot().estimated();
    }

    @Override
    public TabularData getTopSites() {
        return SITE_TABLE.toTabularData(first(engine.snapshot().sites(), ATTRIBUTE_ROWS));
    }

    @Override
    public TabularData getTopTypes() {
        return TYPE_TABLE.toTabularData(first(engine.snapshot().types(), ATTRIBUTE_ROWS));
    }

    @Override
    public TabularData getTopThreads() {
        return THREAD_TABLE.toTabularData(first(engine.snapshot().threads(), ATTRIBUTE_ROWS));
    }

    @Override
    public SizePercentiles getSizePercentiles() {
        return engine.snapshot().sizes();
    }

    @Override
    public void reset() {
        engine.reset();
    }

    @Override
    public TabularData topSites(int n) {
        checkRows("n", n, MAX_ROWS);
        return SITE_TABLE.toTabularData(first(engine.snapshot().sites(), n));
    }

    @Override
    public TabularData topTypes(int n) {
        checkRows("n", n, MAX_ROWS);
        return TYPE_TABLE.toTabularData(first(engine.snapshot().types(), n));
    }

    @Override
    public String foldedStacks(int maxLines) {
        checkRows("maxLines", maxLines, MAX_STACK_LINES);
        RecordingSnapshot s = engine.snapshot();
        return first(s.stacks(), maxLines).stream().map(FoldedStack::line).collect(Collectors.joining("\n"));
    }

    private static void checkRows(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
        }
    }

    private static <T> List<T> first(List<T> rows, int n) {
        return rows.size() <= n ? rows : rows.subList(0, n);
    }
}

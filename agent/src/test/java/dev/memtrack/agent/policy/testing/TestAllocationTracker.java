package dev.memtrack.agent.policy.testing;

import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationRates;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.SizePercentiles;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.StandardMBean;
import javax.management.openmbean.TabularData;

/**
 * Stands in for the allocation tracker (built on another branch) with the two settings the policy
 * changes, Mode and SamplingIntervalBytes, validated as the contract says (1 KiB to 1 GiB). Its
 * tables are empty; the policy never reads them.
 */
public final class TestAllocationTracker implements AllocationsMXBean {

    private volatile AllocationMode mode;
    private volatile long interval;

    public TestAllocationTracker(AllocationMode mode, long interval) {
        this.mode = mode;
        this.interval = interval;
    }

    public static TestAllocationTracker register(MBeanServer server, AllocationMode mode, long interval)
            throws Exception {
        TestAllocationTracker t = new TestAllocationTracker(mode, interval);
        server.registerMBean(new StandardMBean(t, AllocationsMXBean.class, true),
                MemtrackDomain.objectName(OBJECT_NAME));
        return t;
    }

    @Override
    public AllocationMode getMode() {
        return mode;
    }

    @Override
    public void setMode(AllocationMode mode) {
        this.mode = mode;
    }

    @Override
    public long getSamplingIntervalBytes() {
        return interval;
    }

    @Override
    public void setSamplingIntervalBytes(long bytes) {
        if (bytes < 1024 || bytes > (1L << 30)) {
            throw new IllegalArgumentException("SamplingIntervalBytes " + bytes + " out of 1 KiB..1 GiB");
        }
        this.interval = bytes;
    }

    @Override
    public long getSinceMillis() {
        return 0;
    }

    @Override
    public long getTotalAllocatedBytes() {
        return 0;
    }

    @Override
    public double getAllocationRateBytesPerSecond() {
        return 0;
    }

    @Override
    public AllocationRates getAllocationRates() {
        return null;
    }

    @Override
    public long getTrackedAllocationCount() {
        return 0;
    }

    @Override
    public long getTrackedAllocatedBytes() {
        return 0;
    }

    @Override
    public long getUnattributedBytes() {
        return 0;
    }

    @Override
    public boolean isEstimated() {
        return mode == AllocationMode.SAMPLED;
    }

    @Override
    public TabularData getTopSites() {
        return SITE_TABLE.toTabularData(List.of());
    }

    @Override
    public TabularData getTopTypes() {
        return TYPE_TABLE.toTabularData(List.of());
    }

    @Override
    public TabularData getTopThreads() {
        return THREAD_TABLE.toTabularData(List.of());
    }

    @Override
    public SizePercentiles getSizePercentiles() {
        return null;
    }

    @Override
    public void reset() {
        // nothing tracked
    }

    @Override
    public TabularData topSites(int n) {
        return getTopSites();
    }

    @Override
    public TabularData topTypes(int n) {
        return getTopTypes();
    }

    @Override
    public String foldedStacks(int maxLines) {
        return "";
    }
}

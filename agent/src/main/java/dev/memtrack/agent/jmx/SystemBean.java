package dev.memtrack.agent.jmx;

import dev.memtrack.agent.collect.os.SystemStats;
import dev.memtrack.mbeans.LoadAverage;
import dev.memtrack.mbeans.SystemMXBean;
import java.util.function.Supplier;
import javax.management.openmbean.TabularData;

/** {@code memtrack:type=System}: every getter reads the latest {@link SystemStats}; none does I/O. */
public final class SystemBean implements SystemMXBean {

    private final Supplier<SystemStats> latest;

    public SystemBean(Supplier<SystemStats> latest) {
        this.latest = latest;
    }

    @Override
    public long getSampledAtMillis() {
        return latest.get().sampledAtMillis();
    }

    @Override
    public double getCpuLoadPercent() {
        return latest.get().cpuLoadPercent();
    }

    @Override
    public TabularData getCpuLoadPerCore() {
        return CORE_TABLE.toTabularData(latest.get().cores());
    }

    @Override
    public int getLogicalProcessorCount() {
        return latest.get().logicalProcessorCount();
    }

    @Override
    public LoadAverage getLoadAverage() {
        return latest.get().loadAverage();
    }

    @Override
    public long getMemoryTotalBytes() {
        return latest.get().memoryTotalBytes();
    }

    @Override
    public long getMemoryAvailableBytes() {
        return latest.get().memoryAvailableBytes();
    }

    @Override
    public long getMemoryUsedBytes() {
        return latest.get().memoryUsedBytes();
    }

    @Override
    public double getMemoryUsedPercent() {
        return latest.get().memoryUsedPercent();
    }

    @Override
    public long getSwapTotalBytes() {
        return latest.get().swapTotalBytes();
    }

    @Override
    public long getSwapUsedBytes() {
        return latest.get().swapUsedBytes();
    }

    @Override
    public double getSwapUsedPercent() {
        return latest.get().swapUsedPercent();
    }

    @Override
    public TabularData getDisks() {
        return DISK_TABLE.toTabularData(latest.get().disks());
    }

    @Override
    public TabularData getNetworkInterfaces() {
        return NETWORK_TABLE.toTabularData(latest.get().networkInterfaces());
    }

    @Override
    public long getUptimeSeconds() {
        return latest.get().uptimeSeconds();
    }

    @Override
    public int getProcessCount() {
        return latest.get().processCount();
    }

    @Override
    public int getThreadCount() {
        return latest.get().threadCount();
    }
}

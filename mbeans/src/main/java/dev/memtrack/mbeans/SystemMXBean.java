package dev.memtrack.mbeans;

import javax.management.openmbean.TabularData;

/**
 * The machine the JVM runs on, sampled by the agent every interval (OSHI). Every value is from the
 * last sample; rates are over the time between the last two samples. Values the operating system
 * does not report are -1.
 */
@Description("Machine statistics (CPU, memory, swap, disks, network), sampled every interval")
public interface SystemMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=System";

    RecordTable<CoreLoad> CORE_TABLE = RecordTable.of(CoreLoad.class, "Load of one logical processor", "core");
    RecordTable<DiskRate> DISK_TABLE = RecordTable.of(DiskRate.class, "I/O rates of one disk", "name");
    RecordTable<NetworkRate> NETWORK_TABLE =
            RecordTable.of(NetworkRate.class, "Traffic rates of one network interface", "name");

    @Units(Units.EPOCH_MILLISECONDS)
    @Description("When the values were sampled")
    long getSampledAtMillis();

    @Units(Units.PERCENT)
    @Description("CPU load of the whole machine over the last interval, 0-100")
    double getCpuLoadPercent();

    @Description("CPU load per logical processor over the last interval, 0-100 each")
    @TableOf(CoreLoad.class)
    TabularData getCpuLoadPerCore();

    @Units(Units.COUNT)
    @Description("Number of logical processors")
    int getLogicalProcessorCount();

    @Description("System load averages over 1, 5 and 15 minutes; -1 where the OS does not report them")
    LoadAverage getLoadAverage();

    @Units(Units.BYTES)
    @Description("Physical memory installed")
    long getMemoryTotalBytes();

    @Units(Units.BYTES)
    @Description("Physical memory available to new programs without swapping")
    long getMemoryAvailableBytes();

    @Units(Units.BYTES)
    @Description("Physical memory in use (total - available)")
    long getMemoryUsedBytes();

    @Units(Units.PERCENT)
    @Description("Physical memory in use as a percentage of total, 0-100")
    double getMemoryUsedPercent();

    @Units(Units.BYTES)
    @Description("Swap space configured")
    long getSwapTotalBytes();

    @Units(Units.BYTES)
    @Description("Swap space in use")
    long getSwapUsedBytes();

    @Units(Units.PERCENT)
    @Description("Swap in use as a percentage of swap configured; 0 when there is no swap")
    double getSwapUsedPercent();

    @Description("Read and write rates per disk over the last interval")
    @TableOf(DiskRate.class)
    TabularData getDisks();

    @Description("Receive and transmit rates per network interface over the last interval")
    @TableOf(NetworkRate.class)
    TabularData getNetworkInterfaces();

    @Units(Units.SECONDS)
    @Description("Time since the machine booted")
    long getUptimeSeconds();

    @Units(Units.COUNT)
    @Description("Processes running on the machine")
    int getProcessCount();

    @Units(Units.COUNT)
    @Description("Threads running on the machine")
    int getThreadCount();
}

package dev.memtrack.agent.collect.os;

import dev.memtrack.mbeans.LoadAverage;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OperatingSystem;
import oshi.spi.SystemInfoProvider;

/**
 * Reads the machine's counters through OSHI ({@link OshiProvider}). The first OSHI call is slow
 * (with JNA it loads a native library): construct this on an agent thread, never on the
 * application's.
 *
 * <p>Disks and network interfaces are enumerated once, at construction, and refreshed on each
 * sample; devices added later are not seen until the agent restarts.
 *
 * <p>Not thread-safe: used by the sampler thread only.
 */
public final class SystemCollector {

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final List<HWDiskStore> disks;
    private final List<NetworkIF> networkInterfaces;

    public SystemCollector(SystemInfoProvider info) {
        HardwareAbstractionLayer hardware = info.getHardware();
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
        this.os = info.getOperatingSystem();
        this.disks = List.copyOf(hardware.getDiskStores());
        this.networkInterfaces = List.copyOf(hardware.getNetworkIFs());
    }

    public SystemSnapshot sample() {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        CpuTicks cpu = ticks(processor.getSystemCpuLoadTicks());
        List<CpuTicks> cores = new ArrayList<>();
        for (long[] core : processor.getProcessorCpuLoadTicks()) {
            cores.add(ticks(core));
        }
        double[] load = processor.getSystemLoadAverage(3);
        VirtualMemory virtual = memory.getVirtualMemory();
        return new SystemSnapshot(nanos, millis, cpu, cores,
                new LoadAverage(orUnknown(load[0]), orUnknown(load[1]), orUnknown(load[2])),
                memory.getTotal(), memory.getAvailable(), virtual.getSwapTotal(), virtual.getSwapUsed(),
                diskCounters(), networkCounters(), os.getSystemUptime(), os.getProcessCount(), os.getThreadCount());
    }

    private List<DiskCounters> diskCounters() {
        List<DiskCounters> out = new ArrayList<>();
        for (HWDiskStore d : disks) {
            d.updateAttributes();
            out.add(new DiskCounters(d.getName(), d.getReads(), d.getReadBytes(), d.getWrites(), d.getWriteBytes()));
        }
        return out;
    }

    private List<NetworkCounters> networkCounters() {
        List<NetworkCounters> out = new ArrayList<>();
        for (NetworkIF n : networkInterfaces) {
            n.updateAttributes();
            out.add(new NetworkCounters(n.getName(), n.getBytesRecv(), n.getBytesSent(), n.getPacketsRecv(),
                    n.getPacketsSent()));
        }
        return out;
    }

    static CpuTicks ticks(long[] ticks) {
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        return new CpuTicks(idle, total);
    }

    private static double orUnknown(double loadAverage) {
        return loadAverage < 0 ? -1 : loadAverage;
    }
}

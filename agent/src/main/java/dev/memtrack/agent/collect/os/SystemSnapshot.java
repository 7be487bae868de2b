package dev.memtrack.agent.collect.os;

import dev.memtrack.mbeans.LoadAverage;
import java.util.List;

/**
 * Raw machine counters at one instant: cumulative CPU ticks, disk and network counters, and levels
 * (memory, swap, process count). Rates and loads come from {@link SystemStats#between}. Values the
 * OS does not report are -1.
 *
 * @param capturedAtNanos  {@link System#nanoTime()} at capture, for intervals
 * @param capturedAtMillis wall-clock time of capture, for display
 */
public record SystemSnapshot(long capturedAtNanos, long capturedAtMillis, CpuTicks cpu, List<CpuTicks> cores,
                             LoadAverage loadAverage, long memoryTotalBytes, long memoryAvailableBytes,
                             long swapTotalBytes, long swapUsedBytes, List<DiskCounters> disks,
                             List<NetworkCounters> networkInterfaces, long uptimeSeconds, int processCount,
                             int threadCount) {

    public SystemSnapshot {
        cores = List.copyOf(cores);
        disks = List.copyOf(disks);
        networkInterfaces = List.copyOf(networkInterfaces);
    }
}

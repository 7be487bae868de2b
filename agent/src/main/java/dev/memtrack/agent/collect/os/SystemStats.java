package dev.memtrack.agent.collect.os;

import dev.memtrack.mbeans.CoreLoad;
import dev.memtrack.mbeans.DiskRate;
import dev.memtrack.mbeans.LoadAverage;
import dev.memtrack.mbeans.NetworkRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the System MBean, the JSON Lines log and the policy read: levels of the newer of two
 * snapshots and rates over the time between them. Immutable.
 *
 * <p>CPU loads are -1 when unknown (first sample, counter reset); rates of a disk or interface whose
 * counters went backwards, or that was not there in the older snapshot, are 0.
 */
public record SystemStats(long sampledAtMillis, long intervalMillis, double cpuLoadPercent, List<CoreLoad> cores,
                          LoadAverage loadAverage, long memoryTotalBytes, long memoryAvailableBytes,
                          long memoryUsedBytes, double memoryUsedPercent, long swapTotalBytes, long swapUsedBytes,
                          double swapUsedPercent, List<DiskRate> disks, List<NetworkRate> networkInterfaces,
                          long uptimeSeconds, int processCount, int threadCount) {

    public SystemStats {
        cores = List.copyOf(cores);
        disks = List.copyOf(disks);
        networkInterfaces = List.copyOf(networkInterfaces);
    }

    /** Levels and rates over the time from {@code older} to {@code newer}. */
    public static SystemStats between(SystemSnapshot older, SystemSnapshot newer) {
        double seconds = (newer.capturedAtNanos() - older.capturedAtNanos()) / 1e9;
        List<CoreLoad> cores = new ArrayList<>();
        for (int i = 0; i < newer.cores().size(); i++) {
            double load = i < older.cores().size() ? newer.cores().get(i).loadPercentSince(older.cores().get(i)) : -1;
            cores.add(new CoreLoad(i, load));
        }
        Map<String, DiskCounters> olderDisks = byName(older.disks(), DiskCounters::name);
        List<DiskRate> disks = new ArrayList<>();
        for (DiskCounters d : newer.disks()) {
            DiskCounters o = olderDisks.get(d.name());
            disks.add(o == null
                    ? new DiskRate(d.name(), 0, 0, 0, 0)
                    : new DiskRate(d.name(), rate(o.readBytes(), d.readBytes(), seconds),
                            rate(o.writeBytes(), d.writeBytes(), seconds), rate(o.reads(), d.reads(), seconds),
                            rate(o.writes(), d.writes(), seconds)));
        }
        Map<String, NetworkCounters> olderInterfaces = byName(older.networkInterfaces(), NetworkCounters::name);
        List<NetworkRate> interfaces = new ArrayList<>();
        for (NetworkCounters n : newer.networkInterfaces()) {
            NetworkCounters o = olderInterfaces.get(n.name());
            interfaces.add(o == null
                    ? new NetworkRate(n.name(), 0, 0, 0, 0)
                    : new NetworkRate(n.name(), rate(o.bytesReceived(), n.bytesReceived(), seconds),
                            rate(o.bytesSent(), n.bytesSent(), seconds),
                            rate(o.packetsReceived(), n.packetsReceived(), seconds),
                            rate(o.packetsSent(), n.packetsSent(), seconds)));
        }
        return levels(newer, Math.round(seconds * 1000), newer.cpu().loadPercentSince(older.cpu()), cores, disks,
                interfaces);
    }

    /** Levels of a first snapshot; loads unknown (-1) and rates 0 until a second one exists. */
    public static SystemStats first(SystemSnapshot only) {
        List<CoreLoad> cores = new ArrayList<>();
        for (int i = 0; i < only.cores().size(); i++) {
            cores.add(new CoreLoad(i, -1));
        }
        List<DiskRate> disks = only.disks().stream().map(d -> new DiskRate(d.name(), 0, 0, 0, 0)).toList();
        List<NetworkRate> interfaces = only.networkInterfaces().stream()
                .map(n -> new NetworkRate(n.name(), 0, 0, 0, 0)).toList();
        return levels(only, 0, -1, cores, disks, interfaces);
    }

    public int logicalProcessorCount() {
        return cores.size();
    }

    private static SystemStats levels(SystemSnapshot s, long intervalMillis, double cpu, List<CoreLoad> cores,
                                      List<DiskRate> disks, List<NetworkRate> interfaces) {
        long total = s.memoryTotalBytes();
        long available = s.memoryAvailableBytes();
        long used = total >= 0 && available >= 0 ? total - available : -1;
        double usedPercent = total > 0 && used >= 0 ? 100.0 * used / total : -1;
        double swapPercent = s.swapTotalBytes() > 0 && s.swapUsedBytes() >= 0
                ? 100.0 * s.swapUsedBytes() / s.swapTotalBytes() : 0;
        return new SystemStats(s.capturedAtMillis(), intervalMillis, cpu, cores, s.loadAverage(), total, available,
                used, usedPercent, s.swapTotalBytes(), s.swapUsedBytes(), swapPercent, disks, interfaces,
                s.uptimeSeconds(), s.processCount(), s.threadCount());
    }

    /** Per second; 0 if no time passed or the counter went backwards (device reset). */
    static double rate(long older, long newer, double seconds) {
        if (seconds <= 0 || newer < older) {
            return 0;
        }
        return (newer - older) / seconds;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
    }
}

package dev.memtrack.agent.collect.jvm;

import dev.memtrack.mbeans.CollectorRow;
import dev.memtrack.mbeans.GcPauses;
import dev.memtrack.mbeans.MemoryPoolRow;
import java.util.List;

/**
 * What the Heap MBean, the JSON Lines log and the policy read: levels of the newer of two snapshots,
 * and GC time share and allocation rate over the time between them. Immutable.
 */
public record HeapStats(long sampledAtMillis, long intervalMillis, long heapUsedBytes, long heapCommittedBytes,
                        long heapMaxBytes, double heapUsedPercent, long heapUsedAfterLastGcBytes,
                        double heapUsedAfterLastGcPercent, long nonHeapUsedBytes, long nonHeapCommittedBytes,
                        long nonHeapMaxBytes, List<MemoryPoolRow> pools, List<CollectorRow> collectors,
                        double gcTimePercent, GcPauses gcPauses, long totalAllocatedBytes,
                        double allocationRateBytesPerSecond) {

    public HeapStats {
        pools = List.copyOf(pools);
        collectors = List.copyOf(collectors);
    }

    /**
     * GC time share: collection time gained over wall time elapsed, capped at 100 (concurrent
     * collectors may report more time than elapsed). Allocation rate: allocated bytes gained per
     * second; -1 when the JVM does not count allocated bytes.
     */
    public static HeapStats between(HeapSnapshot older, HeapSnapshot newer) {
        double elapsedMillis = (newer.capturedAtNanos() - older.capturedAtNanos()) / 1e6;
        double gcPercent = 0;
        double allocationRate = newer.totalAllocatedBytes() < 0 ? -1 : 0;
        if (elapsedMillis > 0) {
            long gcMillis = newer.totalCollectionTimeMillis() - older.totalCollectionTimeMillis();
            gcPercent = Math.min(100, Math.max(0, 100.0 * gcMillis / elapsedMillis));
            if (older.totalAllocatedBytes() >= 0 && newer.totalAllocatedBytes() >= older.totalAllocatedBytes()) {
                allocationRate = (newer.totalAllocatedBytes() - older.totalAllocatedBytes()) / (elapsedMillis / 1000);
            }
        }
        return of(newer, Math.round(elapsedMillis), gcPercent, allocationRate);
    }

    /** Levels of a first snapshot; GC share and allocation rate are 0 until a second one exists. */
    public static HeapStats first(HeapSnapshot only) {
        return of(only, 0, 0, only.totalAllocatedBytes() < 0 ? -1 : 0);
    }

    private static HeapStats of(HeapSnapshot s, long intervalMillis, double gcPercent, double allocationRate) {
        double usedPercent = s.heapMaxBytes() > 0 ? 100.0 * s.heapUsedBytes() / s.heapMaxBytes() : -1;
        double afterGcPercent = s.heapMaxBytes() > 0 && s.heapUsedAfterLastGcBytes() >= 0
                ? 100.0 * s.heapUsedAfterLastGcBytes() / s.heapMaxBytes() : -1;
        return new HeapStats(s.capturedAtMillis(), intervalMillis, s.heapUsedBytes(), s.heapCommittedBytes(),
                s.heapMaxBytes(), usedPercent, s.heapUsedAfterLastGcBytes(), afterGcPercent, s.nonHeapUsedBytes(),
                s.nonHeapCommittedBytes(), s.nonHeapMaxBytes(), s.pools(), s.collectors(), gcPercent, s.gcPauses(),
                s.totalAllocatedBytes(), allocationRate);
    }
}

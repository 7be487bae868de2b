package dev.memtrack.agent.collect.jvm;

import dev.memtrack.mbeans.CollectorRow;
import dev.memtrack.mbeans.GcPauses;
import dev.memtrack.mbeans.MemoryPoolRow;
import java.util.List;

/**
 * The JVM's memory at one instant: heap and non-heap levels, each pool, cumulative GC counters, GC
 * pause percentiles since the agent started and the JVM-wide allocated-bytes counter. Rates come from
 * {@link HeapStats#between}. Immutable.
 *
 * @param heapUsedAfterLastGcBytes sum over heap pools of their usage after the last collection; -1
 *                                 before the first collection
 * @param totalAllocatedBytes      bytes allocated by all threads since the JVM started; -1 if the JVM
 *                                 does not count them
 */
public record HeapSnapshot(long capturedAtNanos, long capturedAtMillis, long heapUsedBytes, long heapCommittedBytes,
                           long heapMaxBytes, long heapUsedAfterLastGcBytes, long nonHeapUsedBytes,
                           long nonHeapCommittedBytes, long nonHeapMaxBytes, List<MemoryPoolRow> pools,
                           List<CollectorRow> collectors, GcPauses gcPauses, long totalAllocatedBytes) {

    public HeapSnapshot {
        pools = List.copyOf(pools);
        collectors = List.copyOf(collectors);
    }

    /** Accumulated time of all collectors, ms. */
    public long totalCollectionTimeMillis() {
        long sum = 0;
        for (CollectorRow c : collectors) {
            sum += Math.max(0, c.collectionTimeMillis());
        }
        return sum;
    }
}

package dev.memtrack.agent.collect.jvm;

import dev.memtrack.mbeans.CollectorRow;
import dev.memtrack.mbeans.MemoryPoolRow;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads heap, memory pools and collectors from the platform MXBeans, GC pauses from a
 * {@link GcPauseRecorder} and allocated bytes from {@link AllocatedBytes}.
 *
 * <p>Not thread-safe: used by the sampler thread only.
 */
public final class HeapCollector {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final GcPauseRecorder pauses;
    private final AllocatedBytes allocated = new AllocatedBytes();

    public HeapCollector(GcPauseRecorder pauses) {
        this.pauses = pauses;
    }

    public HeapSnapshot sample() {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        List<CollectorRow> collectorRows = new ArrayList<>();
        long collections = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            long count = gc.getCollectionCount();
            collections += Math.max(0, count);
            collectorRows.add(new CollectorRow(gc.getName(), count, gc.getCollectionTime(), lastDurationMillis(gc)));
        }
        boolean collectedOnce = collections > 0;
        List<MemoryPoolRow> poolRows = new ArrayList<>();
        long heapAfterGc = collectedOnce ? 0 : -1;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage usage = pool.isValid() ? pool.getUsage() : null;
            if (usage == null) {
                continue;
            }
            MemoryUsage afterGc = pool.getCollectionUsage();
            long usedAfterGc = collectedOnce && afterGc != null ? afterGc.getUsed() : -1;
            if (pool.getType() == MemoryType.HEAP && usedAfterGc >= 0) {
                heapAfterGc += usedAfterGc;
            }
            poolRows.add(new MemoryPoolRow(pool.getName(), pool.getType() == MemoryType.HEAP ? "HEAP" : "NON_HEAP",
                    usage.getUsed(), usage.getCommitted(), usage.getMax(), usedAfterGc));
        }
        return new HeapSnapshot(nanos, millis, heap.getUsed(), heap.getCommitted(), heap.getMax(), heapAfterGc,
                nonHeap.getUsed(), nonHeap.getCommitted(), nonHeap.getMax(), poolRows, collectorRows,
                pauses.snapshot(), allocated.total());
    }

    private static long lastDurationMillis(GarbageCollectorMXBean gc) {
        if (gc instanceof com.sun.management.GarbageCollectorMXBean detailed) {
            com.sun.management.GcInfo last = detailed.getLastGcInfo();
            if (last != null) {
                return last.getDuration();
            }
        }
        return -1;
    }
}

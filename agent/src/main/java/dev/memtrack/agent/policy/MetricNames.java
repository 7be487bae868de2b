package dev.memtrack.agent.policy;

import java.util.List;

/**
 * Names of the metrics the policy's rules can watch. The agent fills a {@link MetricsSnapshot}
 * with these names from its collectors; a name it cannot fill is simply absent (unavailable), and
 * rules on it stay idle.
 *
 * <p>Every metric except {@link #ALLOC_RATE_BYTES_PER_SECOND} is a percentage from 0 to 100.
 */
public final class MetricNames {

    /** CPU load of the whole machine, all cores, percent (OSHI). */
    public static final String SYSTEM_CPU_PERCENT = "system.cpu.percent";
    /** Physical memory in use (total - available) as percent of total. */
    public static final String SYSTEM_MEMORY_USED_PERCENT = "system.memory.used.percent";
    /** Swap in use as percent of swap total; 0 when the machine has no swap. */
    public static final String SYSTEM_SWAP_USED_PERCENT = "system.swap.used.percent";
    /** Heap used as percent of the maximum heap, now. */
    public static final String HEAP_USED_PERCENT = "heap.used.percent";
    /** Heap used right after the last garbage collection, as percent of the maximum heap. */
    public static final String HEAP_AFTER_GC_PERCENT = "heap.afterGc.percent";
    /** Heap allocation rate of the whole JVM, bytes per second. */
    public static final String ALLOC_RATE_BYTES_PER_SECOND = "alloc.rate.bytesPerSecond";
    /** Share of wall time spent in garbage collection over the last interval, percent. */
    public static final String GC_TIME_PERCENT = "gc.time.percent";

    /** Every metric a rule may name, in the order the README lists them. */
    public static final List<String> ALL = List.of(SYSTEM_CPU_PERCENT, SYSTEM_MEMORY_USED_PERCENT,
            SYSTEM_SWAP_USED_PERCENT, HEAP_USED_PERCENT, HEAP_AFTER_GC_PERCENT, ALLOC_RATE_BYTES_PER_SECOND,
            GC_TIME_PERCENT);

    private MetricNames() {
    }

    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    /** Whether values of the metric are percentages, so thresholds above 100 make no sense. */
    public static boolean isPercent(String name) {
        return isKnown(name) && !ALLOC_RATE_BYTES_PER_SECOND.equals(name);
    }

    /** Largest threshold that makes sense for the metric. */
    public static double maxThreshold(String name) {
        return isPercent(name) ? 100.0 : Double.MAX_VALUE;
    }
}

package dev.memtrack.agent.policy.wiring;

import dev.memtrack.agent.collect.jvm.HeapStats;
import dev.memtrack.agent.collect.os.SystemStats;
import dev.memtrack.agent.core.SnapshotStore;
import dev.memtrack.agent.policy.MetricNames;
import dev.memtrack.agent.policy.MetricsSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The policy's metrics, taken from the latest stats the agent's collectors published ({@code heap-stats},
 * {@code system-stats}): no I/O of its own, so an evaluation costs a few map lookups.
 *
 * <p>A figure is absent (its rules wait) when its collector is off, when it is a rate and only one
 * sample exists yet, when the OS does not report it ({@code -1} in the stats), or when the stats are
 * stale: older than {@link #staleAfter} (a stuck or starved sampler must not keep a rule firing on an
 * old value).
 *
 * <p>Thread-safe (stateless apart from the store it reads).
 */
final class SnapshotMetrics implements Supplier<MetricsSnapshot> {

    private final SnapshotStore store;
    private final long staleAfterMillis;
    private final LongSupplier clock;

    /**
     * @param samplingInterval the collectors' interval
     * @param clock            wall-clock milliseconds, as the stats are stamped
     */
    SnapshotMetrics(SnapshotStore store, Duration samplingInterval, LongSupplier clock) {
        this.store = store;
        this.staleAfterMillis = staleAfter(samplingInterval).toMillis();
        this.clock = clock;
    }

    /** Three sampling intervals, and never less than 5 s: a loaded machine delays the sampler. */
    static Duration staleAfter(Duration samplingInterval) {
        Duration three = samplingInterval.multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : three;
    }

    @Override
    public MetricsSnapshot get() {
        long now = clock.getAsLong();
        Optional<SystemStats> system = store.latest(SystemStats.class)
                .filter(s -> now - s.sampledAtMillis() <= staleAfterMillis);
        Optional<HeapStats> heap = store.latest(HeapStats.class)
                .filter(h -> now - h.sampledAtMillis() <= staleAfterMillis);
        return of(now, system, heap);
    }

    /** The metrics in the given stats; see the class comment for what is left out. */
    static MetricsSnapshot of(long capturedAtMillis, Optional<SystemStats> system, Optional<HeapStats> heap) {
        Map<String, Double> values = new HashMap<>();
        system.ifPresent(s -> {
            if (s.intervalMillis() > 0) {
                put(values, MetricNames.SYSTEM_CPU_PERCENT, s.cpuLoadPercent());
            }
            put(values, MetricNames.SYSTEM_MEMORY_USED_PERCENT, s.memoryUsedPercent());
            if (s.swapTotalBytes() >= 0) {
                put(values, MetricNames.SYSTEM_SWAP_USED_PERCENT, s.swapUsedPercent());
            }
        });
        heap.ifPresent(h -> {
            put(values, MetricNames.HEAP_USED_PERCENT, h.heapUsedPercent());
            put(values, MetricNames.HEAP_AFTER_GC_PERCENT, h.heapUsedAfterLastGcPercent());
            if (h.intervalMillis() > 0) {
                put(values, MetricNames.ALLOC_RATE_BYTES_PER_SECOND, h.allocationRateBytesPerSecond());
                put(values, MetricNames.GC_TIME_PERCENT, h.gcTimePercent());
            }
        });
        return new MetricsSnapshot(capturedAtMillis, values);
    }

    /** The stats say -1 for "unknown"; the policy's snapshot says so by leaving the metric out. */
    private static void put(Map<String, Double> values, String metric, double value) {
        if (value >= 0 && Double.isFinite(value)) {
            values.put(metric, value);
        }
    }
}

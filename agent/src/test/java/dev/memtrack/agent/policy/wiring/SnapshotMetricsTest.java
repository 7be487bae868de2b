package dev.memtrack.agent.policy.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.collect.jvm.HeapSnapshot;
import dev.memtrack.agent.collect.jvm.HeapStats;
import dev.memtrack.agent.collect.os.CpuTicks;
import dev.memtrack.agent.collect.os.SystemSnapshot;
import dev.memtrack.agent.collect.os.SystemStats;
import dev.memtrack.agent.core.SnapshotStore;
import dev.memtrack.agent.policy.MetricNames;
import dev.memtrack.agent.policy.MetricsSnapshot;
import dev.memtrack.mbeans.CollectorRow;
import dev.memtrack.mbeans.GcPauses;
import dev.memtrack.mbeans.LoadAverage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnapshotMetricsTest {

    private static final long SECOND = 1_000_000_000L;

    /** Heap of 1000 bytes max; {@code gcMillis} and {@code allocated} are cumulative counters. */
    private static HeapSnapshot heap(long nanos, long used, long afterGc, long gcMillis, long allocated) {
        return new HeapSnapshot(nanos, nanos / 1_000_000, used, 800, 1_000, afterGc, 50, 60, -1, List.of(),
                List.of(new CollectorRow("young", 3, gcMillis, 2)), new GcPauses(0, 0, 0, 0, 0, 0), allocated);
    }

    /** 8000 bytes of memory with {@code available} free, swap of {@code swapTotal} with 250 used. */
    private static SystemSnapshot system(long nanos, CpuTicks cpu, long memoryTotal, long swapTotal) {
        return new SystemSnapshot(nanos, nanos / 1_000_000, cpu, List.of(), new LoadAverage(0.5, 0.4, 0.3),
                memoryTotal, 2_000, swapTotal, 250, List.of(), List.of(), 3600, 200, 900);
    }

    @Test
    void everyMetricComesFromTheCollectorsStats() {
        SystemStats system = SystemStats.between(system(0, new CpuTicks(100, 200), 8_000, 1_000),
                system(SECOND, new CpuTicks(160, 400), 8_000, 1_000));
        HeapStats heap = HeapStats.between(heap(0, 300, 200, 100, 1_000),
                heap(2 * SECOND, 400, 300, 150, 9_000));

        MetricsSnapshot m = SnapshotMetrics.of(42, Optional.of(system), Optional.of(heap));

        assertThat(m.capturedAtMillis()).isEqualTo(42);
        assertThat(m.values()).containsOnly(
                Map.entry(MetricNames.SYSTEM_CPU_PERCENT, system.cpuLoadPercent()),
                Map.entry(MetricNames.SYSTEM_MEMORY_USED_PERCENT, 75.0),
                Map.entry(MetricNames.SYSTEM_SWAP_USED_PERCENT, 25.0),
                Map.entry(MetricNames.HEAP_USED_PERCENT, 40.0),
                Map.entry(MetricNames.HEAP_AFTER_GC_PERCENT, 30.0),
                Map.entry(MetricNames.ALLOC_RATE_BYTES_PER_SECOND, 4_000.0),
                Map.entry(MetricNames.GC_TIME_PERCENT, 2.5));
        assertThat(m.values().keySet()).containsExactlyInAnyOrderElementsOf(MetricNames.ALL);
    }

    @Test
    void ratesWaitForASecondSampleAndUnknownFiguresAreLeftOut() {
        SystemStats firstSystem = SystemStats.first(system(SECOND, new CpuTicks(1, 2), -1, -1));
        HeapStats firstHeap = HeapStats.first(heap(SECOND, 400, -1, 0, 5));

        MetricsSnapshot m = SnapshotMetrics.of(42, Optional.of(firstSystem), Optional.of(firstHeap));

        assertThat(m.values()).containsOnlyKeys(MetricNames.HEAP_USED_PERCENT);
        assertThat(SnapshotMetrics.of(42, Optional.empty(), Optional.empty()).values()).isEmpty();
    }

    @Test
    void staleStatsAreUnavailableSoNoRuleFiresOnAnOldValue() {
        SnapshotStore store = new SnapshotStore();
        HeapStats heap = HeapStats.first(heap(0, 400, 300, 0, 5));
        store.publish(HeapStats.class, heap);
        AtomicLong now = new AtomicLong(heap.sampledAtMillis() + 5_000);
        SnapshotMetrics metrics = new SnapshotMetrics(store, Duration.ofSeconds(1), now::get);

        assertThat(metrics.get().value(MetricNames.HEAP_USED_PERCENT)).isEqualTo(40.0);
        now.addAndGet(1);
        assertThat(metrics.get().values()).isEmpty();
    }

    @Test
    void staleMeansThreeSamplingIntervalsButNeverLessThanFiveSeconds() {
        assertThat(SnapshotMetrics.staleAfter(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(5));
        assertThat(SnapshotMetrics.staleAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(30));
    }
}

package dev.memtrack.agent.collect.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.CollectorRow;
import dev.memtrack.mbeans.GcPauses;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapStatsTest {

    private static HeapSnapshot heap(long nanos, long gcMillis, long allocated, long afterGc) {
        return new HeapSnapshot(nanos, nanos / 1_000_000, 400, 800, 1_000, afterGc, 50, 60, -1, List.of(),
                List.of(new CollectorRow("young", 3, gcMillis, 2)), new GcPauses(0, 0, 0, 0, 0, 0), allocated);
    }

    @Test
    void gcShareAndAllocationRateComeFromTheDifferenceOverElapsedTime() {
        HeapStats stats = HeapStats.between(heap(0, 100, 1_000, 200), heap(2_000_000_000L, 150, 9_000, 300));

        assertThat(stats.gcTimePercent()).isEqualTo(2.5);
        assertThat(stats.allocationRateBytesPerSecond()).isEqualTo(4_000);
        assertThat(stats.heapUsedPercent()).isEqualTo(40.0);
        assertThat(stats.heapUsedAfterLastGcPercent()).isEqualTo(30.0);
        assertThat(stats.intervalMillis()).isEqualTo(2_000);
    }

    @Test
    void gcShareIsCappedAtOneHundredPercent() {
        HeapStats stats = HeapStats.between(heap(0, 0, 0, 1), heap(1_000_000L, 10, 0, 1));

        assertThat(stats.gcTimePercent()).isEqualTo(100);
    }

    @Test
    void unknownValuesStayUnknown() {
        HeapStats stats = HeapStats.between(heap(0, 0, -1, -1), heap(1_000_000_000L, 0, -1, -1));

        assertThat(stats.allocationRateBytesPerSecond()).isEqualTo(-1);
        assertThat(stats.heapUsedAfterLastGcPercent()).isEqualTo(-1);
        assertThat(HeapStats.first(heap(0, 0, 5, -1)).allocationRateBytesPerSecond()).isZero();
    }

    @Test
    void collectorSeesAllocationAndCollectionsOfThisJvm() throws Exception {
        GcPauseRecorder pauses = new GcPauseRecorder(r -> r);
        pauses.start();
        try {
            HeapCollector collector = new HeapCollector(pauses);
            HeapSnapshot before = collector.sample();
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < 4_000; i++) {
                garbage[i % garbage.length] = new byte[64 * 1024];
            }
            System.gc();
            // GC notifications arrive on another thread: wait for the first (bounded, not timed).
            HeapSnapshot after = collector.sample();
            for (int i = 0; i < 100 && after.gcPauses().count() == 0; i++) {
                Thread.sleep(100);
                after = collector.sample();
            }
            HeapStats stats = HeapStats.between(before, after);

            assertThat(after.totalAllocatedBytes() - before.totalAllocatedBytes()).isGreaterThan(4_000L * 64 * 1024);
            assertThat(stats.allocationRateBytesPerSecond()).isPositive();
            assertThat(after.heapUsedAfterLastGcBytes()).isPositive();
            assertThat(after.pools()).isNotEmpty();
            assertThat(after.collectors()).isNotEmpty();
            assertThat(stats.gcPauses().count()).isPositive();
            assertThat(stats.gcPauses().maxMillis()).isGreaterThanOrEqualTo(stats.gcPauses().p50Millis());
        } finally {
            pauses.stop();
        }
    }

    @Test
    void concurrentCollectorsAreNotPauses() {
        assertThat(GcPauseRecorder.isPause("G1 Young Generation")).isTrue();
        assertThat(GcPauseRecorder.isPause("ZGC Pauses")).isTrue();
        assertThat(GcPauseRecorder.isPause("G1 Concurrent GC")).isFalse();
        assertThat(GcPauseRecorder.isPause("ZGC Cycles")).isFalse();
    }
}

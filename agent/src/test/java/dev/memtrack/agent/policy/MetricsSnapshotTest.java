package dev.memtrack.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSnapshotTest {

    @Test
    void absentAndNonFiniteValuesAreUnavailable() {
        Map<String, Double> values = new HashMap<>();
        values.put(MetricNames.SYSTEM_CPU_PERCENT, 42.0);
        values.put(MetricNames.HEAP_USED_PERCENT, Double.NaN);
        values.put(MetricNames.GC_TIME_PERCENT, Double.POSITIVE_INFINITY);
        values.put(MetricNames.SYSTEM_SWAP_USED_PERCENT, null);
        MetricsSnapshot s = new MetricsSnapshot(5, values);

        assertThat(s.value(MetricNames.SYSTEM_CPU_PERCENT)).isEqualTo(42.0);
        assertThat(s.value(MetricNames.HEAP_USED_PERCENT)).isNaN();
        assertThat(s.value(MetricNames.GC_TIME_PERCENT)).isNaN();
        assertThat(s.value(MetricNames.SYSTEM_SWAP_USED_PERCENT)).isNaN();
        assertThat(s.value(MetricNames.ALLOC_RATE_BYTES_PER_SECOND)).isNaN();
        assertThat(s.values()).containsOnlyKeys(MetricNames.SYSTEM_CPU_PERCENT);
    }

    @Test
    void withAddsOrReplacesOneValueAndLeavesTheOriginalAlone() {
        MetricsSnapshot a = MetricsSnapshot.empty(1).with(MetricNames.HEAP_AFTER_GC_PERCENT, 50);
        MetricsSnapshot b = a.with(MetricNames.HEAP_AFTER_GC_PERCENT, 60);

        assertThat(a.value(MetricNames.HEAP_AFTER_GC_PERCENT)).isEqualTo(50);
        assertThat(b.value(MetricNames.HEAP_AFTER_GC_PERCENT)).isEqualTo(60);
        assertThat(b.capturedAtMillis()).isEqualTo(1);
    }

    @Test
    void everyMetricButTheAllocationRateIsAPercentage() {
        assertThat(MetricNames.ALL).hasSize(7).doesNotHaveDuplicates();
        assertThat(MetricNames.ALL).filteredOn(n -> !MetricNames.isPercent(n))
                .containsExactly(MetricNames.ALLOC_RATE_BYTES_PER_SECOND);
        assertThat(DurationText.format(java.time.Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(java.time.Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationText.parseOrNull("5 s")).hasSeconds(5);
        assertThat(DurationText.parseOrNull("5")).isNull();
    }
}

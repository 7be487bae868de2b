package dev.memtrack.agent.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;

/**
 * The latest metrics, as the policy reads them at one evaluation. Values are keyed by the names in
 * {@link MetricNames}; a metric that could not be measured is absent, never a sentinel number.
 *
 * <p>Immutable and thread-safe.
 *
 * @param capturedAtMillis when the figures were taken, milliseconds since the epoch
 * @param values           metric name to value; NaN and infinite values are dropped as unavailable
 */
public record MetricsSnapshot(long capturedAtMillis, Map<String, Double> values) {

    public MetricsSnapshot {
        Objects.requireNonNull(values, "values");
        values = values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null && Double.isFinite(e.getValue()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A snapshot where every metric is unavailable. */
    public static MetricsSnapshot empty(long capturedAtMillis) {
        return new MetricsSnapshot(capturedAtMillis, Map.of());
    }

    /** The value of a metric, or NaN when it is unavailable. */
    public double value(String metric) {
        Double v = values.get(metric);
        return v != null ? v : Double.NaN;
    }

    /** A copy with one more (or one replaced) value; for agents that build snapshots step by step. */
    public MetricsSnapshot with(String metric, double value) {
        Map<String, Double> copy = new HashMap<>(values);
        copy.put(metric, value);
        return new MetricsSnapshot(capturedAtMillis, copy);
    }
}

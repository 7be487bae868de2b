package dev.memtrack.agent.testing.load;

import org.HdrHistogram.Histogram;

/** Latencies (microseconds) and error count of one kind of request; merged from every client. */
public final class KindStats {

    private static final long MAX_MICROS = 120_000_000L;

    private final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
    private long errors;

    void record(long micros, boolean succeeded) {
        latencyMicros.recordValue(Math.min(Math.max(micros, 0), MAX_MICROS));
        if (!succeeded) {
            errors++;
        }
    }

    void add(KindStats other) {
        latencyMicros.add(other.latencyMicros);
        errors += other.errors;
    }

    public long count() {
        return latencyMicros.getTotalCount();
    }

    public long errors() {
        return errors;
    }

    /** The latency at {@code percentile} (0-100), in milliseconds. */
    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    public double meanMillis() {
        return latencyMicros.getMean() / 1000.0;
    }
}

package dev.memtrack.mbeans;

/** Distribution of allocation sizes at instrumented sites. */
public record SizePercentiles(
        @Units(Units.COUNT) @Description("Allocations recorded in the histogram") long count,
        @Units(Units.BYTES) @Description("Median size") long p50Bytes,
        @Units(Units.BYTES) @Description("90th percentile") long p90Bytes,
        @Units(Units.BYTES) @Description("99th percentile") long p99Bytes,
        @Units(Units.BYTES) @Description("99.9th percentile") long p999Bytes,
        @Units(Units.BYTES) @Description("Largest allocation") long maxBytes) {
}

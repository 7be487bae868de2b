package dev.memtrack.mbeans;

/** Distribution of GC pause durations (HdrHistogram, 3 significant digits). */
public record GcPauses(
        @Units(Units.COUNT) @Description("Pauses recorded") long count,
        @Units(Units.MILLISECONDS) @Description("Median pause") double p50Millis,
        @Units(Units.MILLISECONDS) @Description("90th percentile") double p90Millis,
        @Units(Units.MILLISECONDS) @Description("99th percentile") double p99Millis,
        @Units(Units.MILLISECONDS) @Description("99.9th percentile") double p999Millis,
        @Units(Units.MILLISECONDS) @Description("Longest pause") double maxMillis) {
}

package dev.memtrack.mbeans;

/** One garbage collector of the JVM. */
public record CollectorRow(
        @Description("Collector name, e.g. G1 Young Generation") String name,
        @Units(Units.COUNT) @Description("Collections since start") long collectionCount,
        @Units(Units.MILLISECONDS) @Description("Accumulated collection time") long collectionTimeMillis,
        @Units(Units.MILLISECONDS) @Description("Duration of the last collection; -1 if none yet") long lastDurationMillis) {
}

package dev.memtrack.mbeans;

/** Allocation rate of all threads over three windows (JVM counters). */
public record AllocationRates(
        @Units(Units.BYTES_PER_SECOND) @Description("Over the last second") double oneSecond,
        @Units(Units.BYTES_PER_SECOND) @Description("Over the last 10 seconds") double tenSeconds,
        @Units(Units.BYTES_PER_SECOND) @Description("Over the last 60 seconds") double sixtySeconds) {
}

package dev.memtrack.mbeans;

/** One memory pool of the JVM. */
public record MemoryPoolRow(
        @Description("Pool name, e.g. G1 Eden Space") String name,
        @Description("HEAP or NON_HEAP") String type,
        @Units(Units.BYTES) @Description("In use") long usedBytes,
        @Units(Units.BYTES) @Description("Committed") long committedBytes,
        @Units(Units.BYTES) @Description("Maximum; -1 if undefined") long maxBytes,
        @Units(Units.BYTES) @Description("In use after the last GC; -1 if the pool is not collected or no GC ran")
        long usedAfterLastGcBytes) {
}

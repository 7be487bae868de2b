package dev.memtrack.mbeans;

/** Allocations of one thread. */
public record ThreadRow(
        @Description("Position by bytes, 1 = top") int rank,
        @Description("Thread name") String thread,
        @Description("Thread id") long threadId,
        @Units(Units.COUNT) @Description("Allocations at instrumented sites") long count,
        @Units(Units.BYTES) @Description("Bytes allocated at instrumented sites") long bytes,
        @Units(Units.BYTES) @Description("Bytes the JVM counted for this thread since the last reset (exact)")
        long jvmAllocatedBytes,
        @Description("Whether count and bytes are estimates (SAMPLED mode)") boolean estimated) {
}

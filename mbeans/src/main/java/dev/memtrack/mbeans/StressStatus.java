package dev.memtrack.mbeans;

/** State of the memory-stress generator. */
public record StressStatus(
        @Description("Whether it is running") boolean running,
        @Description("STEADY, RAMP, SPIKE or SAWTOOTH; empty when never started") String pattern,
        @Description("IDLE, FILLING, HOLDING, RELEASING") String phase,
        @Units(Units.BYTES) @Description("Retained heap to reach") long targetBytes,
        @Units(Units.BYTES_PER_SECOND) @Description("Allocation rate") long rateBytesPerSecond,
        @Units(Units.BYTES) @Description("Heap retained now") long retainedBytes,
        @Units(Units.BYTES) @Description("Bytes allocated since created") long allocatedBytes,
        @Units(Units.BYTES) @Description("Safety cap") long capBytes) {
}

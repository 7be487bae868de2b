package dev.memtrack.mbeans;

/**
 * Memory-stress generator: allocates real, touched heap arrays at a target rate up to a target
 * retained size following a pattern, holds them, and releases them on stop. Targets above the
 * safety cap are refused.
 */
@Description("Memory-stress generator: real heap at a target rate and retained size, bounded by a safety cap")
public interface StressSimulatorMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Simulator,name=Stress";

    @Description("Names of the allocation patterns")
    String[] getPatterns();

    @Description("Starts (or restarts) the generator; refused if the target exceeds the cap")
    void start(@Description("Retained heap to reach, MiB, > 0 and <= cap") int targetMb,
               @Description("Allocation rate, MiB/s, > 0") int rateMb,
               @Description("STEADY, RAMP, SPIKE or SAWTOOTH") String pattern);

    @Description("Stops the generator and releases what it retains")
    void stop();

    @Description("Whether the generator is running")
    boolean isRunning();

    @Description("Current status: pattern, phase, target, rate, retained and allocated bytes")
    StressStatus getStatus();

    @Units(Units.BYTES)
    @Description("Heap the generator currently retains")
    long getRetainedBytes();

    @Units(Units.BYTES)
    @Description("Bytes the generator allocated since it was created")
    long getAllocatedBytes();

    @Units(Units.BYTES)
    @Description("Largest retained target accepted (safety cap, by default 50% of the maximum heap)")
    long getCapBytes();
}

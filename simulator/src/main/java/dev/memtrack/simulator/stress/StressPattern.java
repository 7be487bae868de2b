package dev.memtrack.simulator.stress;

import dev.memtrack.simulator.EnumNames;

/**
 * How the stress generator's retained heap moves over time. {@code rate} and {@code target} are
 * the arguments of {@link MemoryStressGenerator#start}; {@code T = target / rate} is the time a
 * fill at the full rate takes.
 */
public enum StressPattern {
    /** Fills at the full rate up to the target, then holds it until stopped. */
    STEADY,
    /**
     * Fills with a rate that rises linearly in time from 0 to the full rate over {@code T} (half the
     * target is reached then), continues at the full rate up to the target ({@code 1.5 T} in all),
     * then holds it until stopped.
     */
    RAMP,
    /**
     * Repeats until stopped: fills from 0 to the target at the full rate, holds it for
     * {@link StressSchedule#SPIKE_HOLD_NANOS 1 s}, releases everything at once, stays idle for
     * {@link StressSchedule#SPIKE_REST_NANOS 2 s}.
     */
    SPIKE,
    /**
     * Repeats until stopped: fills to the target at the full rate, then releases down to half the
     * target at once (no hold) and fills again; the first fill starts from 0.
     */
    SAWTOOTH;

    /** Reads a pattern name in any case; the message lists the accepted names. */
    public static StressPattern parse(String name) {
        return EnumNames.parse(StressPattern.class, "pattern", name);
    }
}

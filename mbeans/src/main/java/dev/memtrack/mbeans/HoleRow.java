package dev.memtrack.mbeans;

/** One free hole of the simulated memory. */
public record HoleRow(
        @Units(Units.SIMULATED_BYTES) @Description("First free address") long base,
        @Units(Units.SIMULATED_BYTES) @Description("Length") long length) {
}

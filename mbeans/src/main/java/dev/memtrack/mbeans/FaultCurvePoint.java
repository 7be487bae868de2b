package dev.memtrack.mbeans;

/** Page faults of one algorithm with a given number of frames. */
public record FaultCurvePoint(
        @Units(Units.FRAMES) @Description("Physical frames") int frames,
        @Units(Units.COUNT) @Description("Page faults") long faults) {
}

package dev.memtrack.mbeans;

/** One allocated segment of the simulated memory. */
public record SegmentRow(
        @Description("Segment name as allocated") String name,
        @Description("Owning process") String process,
        @Units(Units.SIMULATED_BYTES) @Description("Physical base address") long base,
        @Units(Units.SIMULATED_BYTES) @Description("Limit (segment length)") long limit) {
}

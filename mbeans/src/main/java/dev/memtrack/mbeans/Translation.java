package dev.memtrack.mbeans;

/** A logical address translated to a physical one, or the protection fault it caused. */
public record Translation(
        @Description("Segment name") String segment,
        @Description("Offset within the segment") long offset,
        @Description("Physical address; -1 on a fault") long physicalAddress,
        @Description("True when the offset is outside the segment (offset >= limit) or the segment does not exist")
        boolean fault,
        @Description("Why the translation faulted; empty otherwise") String message) {
}

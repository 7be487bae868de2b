package dev.memtrack.mbeans;

/** One physical frame of the step-wise paging session. */
public record FrameRow(
        @Description("Frame number, from 0") int frame,
        @Description("Whether the frame holds a page") boolean occupied,
        @Description("Process owning the page; empty if free") String process,
        @Description("Page held; -1 if free") int page,
        @Description("Reference step when the page was loaded; -1 if free") long loadedAtStep,
        @Description("Reference step of the last access; -1 if free") long lastAccessStep,
        @Units(Units.COUNT) @Description("Accesses since the page was loaded") long accessCount,
        @Description("CLOCK reference bit (false for other algorithms)") boolean referenced) {
}

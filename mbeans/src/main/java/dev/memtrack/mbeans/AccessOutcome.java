package dev.memtrack.mbeans;

/** Result of one page reference in the step-wise session. */
public record AccessOutcome(
        @Description("Reference step, from 1") long step,
        @Description("Page referenced") int page,
        @Description("Whether the page was already in a frame") boolean hit,
        @Description("Frame now holding the page") int frame,
        @Description("Page evicted to make room; -1 if none") int evictedPage) {
}

package dev.memtrack.mbeans;

/** Outcome of one replacement algorithm on a reference string. */
public record PagingResult(
        @Description("Replacement algorithm") String algorithm,
        @Units(Units.FRAMES) @Description("Physical frames") int frames,
        @Units(Units.COUNT) @Description("Pages referenced") long references,
        @Units(Units.COUNT) @Description("Page faults") long faults,
        @Units(Units.COUNT) @Description("Hits") long hits,
        @Units(Units.RATIO) @Description("hits / references") double hitRatio,
        @Units(Units.COUNT) @Description("Pages evicted to make room") long evictions) {
}

package dev.memtrack.mbeans;

/** Counters of the step-wise paging session. */
public record PagingStatistics(
        @Units(Units.COUNT) @Description("Pages referenced") long references,
        @Units(Units.COUNT) @Description("Page faults") long faults,
        @Units(Units.COUNT) @Description("Hits") long hits,
        @Units(Units.RATIO) @Description("hits / references; 0 before the first reference") double hitRatio,
        @Units(Units.COUNT) @Description("Pages evicted") long evictions) {
}

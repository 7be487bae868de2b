package dev.memtrack.mbeans;

/** Allocations of one type at one site. */
public record SiteRow(
        @Description("Position by bytes, 1 = top") int rank,
        @Description("Allocation site: class.method(File:line)") String site,
        @Description("Allocated type as Java writes it, e.g. int[]") String type,
        @Units(Units.COUNT) @Description("Allocations") long count,
        @Units(Units.BYTES) @Description("Bytes allocated") long bytes,
        @Units(Units.BYTES) @Description("Upper bound of the overcount from the bounded table (0 when exact)")
        long errorBytes,
        @Description("Whether count and bytes are estimates (SAMPLED mode)") boolean estimated) {
}

package dev.memtrack.mbeans;

/** Load of one logical processor over the last interval. */
public record CoreLoad(
        @Description("Logical processor number, from 0") int core,
        @Units(Units.PERCENT) @Description("Load over the last interval, 0-100") double loadPercent) {
}

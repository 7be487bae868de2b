package dev.memtrack.mbeans;

/** How the allocation tracker records allocations of instrumented code. */
public enum AllocationMode {
    /** Every allocation counted, per site. */
    EXACT,
    /** Per-thread byte countdown with exponentially distributed intervals; unbiased estimates. */
    SAMPLED,
    /** Nothing recorded; instrumented code takes one branch per allocation. */
    OFF
}

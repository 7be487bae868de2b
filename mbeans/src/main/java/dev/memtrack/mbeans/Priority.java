package dev.memtrack.mbeans;

/**
 * How a workload program may be treated when resources are short. The policy engine never
 * throttles {@link #CRITICAL} programs, throttles {@link #BACKGROUND} programs first, and
 * {@link #NORMAL} ones only when that was not enough.
 */
public enum Priority {
    CRITICAL,
    NORMAL,
    BACKGROUND
}

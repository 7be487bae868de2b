package dev.memtrack.simulator.stress;

/** What the stress generator is doing now. */
public enum StressPhase {
    /** Not running, or resting between SPIKE cycles; retains nothing. */
    IDLE,
    /** Allocating towards the target at the pattern's rate. */
    FILLING,
    /** At the target, allocating nothing. */
    HOLDING,
    /** Dropping what it retains (momentary: the references are dropped at once). */
    RELEASING
}

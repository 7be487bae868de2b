package dev.memtrack.mbeans;

/** What the adaptive allocation policy does with its decisions. */
public enum PolicyMode {
    /** No evaluation. */
    OFF,
    /** Decide, record and notify; change nothing. */
    ADVISORY,
    /** Decide and act on the targets; measure the effect. */
    ENFORCE
}

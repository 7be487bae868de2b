package dev.memtrack.agent.policy.engine;

/** Outcomes of a decision, as the {@code outcome} column of {@code PolicyDecision} spells them. */
enum Outcome {
    /** Acted; the effect is being measured. */
    PENDING,
    /** Measured: the metric was relieved. */
    EFFECTIVE,
    /** Measured: the metric was not relieved (or could not be measured). */
    INEFFECTIVE,
    /** A change was undone. */
    UNDONE,
    /** ADVISORY mode: what the engine would have done. */
    ADVISED,
    /** The action or undo could not be carried out; the message says why. */
    FAILED
}

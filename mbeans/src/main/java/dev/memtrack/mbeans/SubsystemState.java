package dev.memtrack.mbeans;

/** Life cycle of one agent subsystem. */
public enum SubsystemState {
    /** Not started yet (start-up runs in the background). */
    STARTING,
    /** Working. */
    RUNNING,
    /** Turned off by configuration, or by a failure it could not recover from; the reason says which. */
    DISABLED,
    /** Stopped with the agent. */
    STOPPED
}

package dev.memtrack.simulator.paging;

/** Which frames a process's fault may take a victim from when several processes share memory. */
public enum ReplacementScope {
    /** All frames form one pool: a fault may evict any process's page. */
    GLOBAL,
    /**
     * Each process owns a fixed quota of frames ({@link FrameAllocation}) and a fault evicts only one
     * of its own pages; one algorithm instance runs per process.
     */
    LOCAL
}

package dev.memtrack.benchmarks.overhead;

import java.nio.file.Path;
import java.util.List;

/**
 * How a program's JVM is started: without an agent, with memtrack (allocation tracking disabled,
 * sampled or exact), or with allocation-instrumenter and a counting callback. memtrack runs without
 * Jolokia and with its collectors at their slowest interval, so that what differs is allocation tracking.
 */
enum Variant {

    BASELINE("baseline", null),
    AGENT_ONLY("memtrack alloc=disabled", "alloc=disabled"),
    SAMPLED("memtrack SAMPLED", "alloc=sampled"),
    EXACT("memtrack EXACT", "alloc=exact"),
    INSTRUMENTER("allocation-instrumenter", null);

    private static final String MEMTRACK_COMMON = "jolokia=false,interval=1m,";

    private final String label;
    private final String memtrackOptions;

    Variant(String label, String memtrackOptions) {
        this.label = label;
        this.memtrackOptions = memtrackOptions;
    }

    String label() {
        return label;
    }

    boolean isMemtrack() {
        return memtrackOptions != null;
    }

    /** The {@code -javaagent} options of this variant (none for the baseline). */
    List<String> agentArguments(Path memtrackJar, Path instrumenterJar) {
        if (isMemtrack()) {
            return List.of("-javaagent:" + memtrackJar + "=" + MEMTRACK_COMMON + memtrackOptions);
        }
        if (this == INSTRUMENTER) {
            return List.of("-javaagent:" + instrumenterJar);
        }
        return List.of();
    }

    /** What {@link ProgramRun} reads back at the end: memtrack's MBean, the instrumenter's counter, or nothing. */
    String counter() {
        return isMemtrack() ? "memtrack" : this == INSTRUMENTER ? "instrumenter" : "none";
    }

    static Variant byName(String name) {
        for (Variant v : values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name
                + "'; expected baseline, agent_only, sampled, exact or instrumenter");
    }
}

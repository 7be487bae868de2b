package dev.memtrack.agent.policy.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an action does, as written in rules files and shown in decisions. */
public enum ActionVerb {
    /** Halves a workload program's parallelism (at least 1). Takes a program selector. */
    REDUCE_PARALLELISM("reduce-parallelism", true),
    /** Pauses a workload program. Takes a program selector. */
    PAUSE("pause", true),
    /** Raises the nice value of the OS processes named in {@code policy.processes} by 5 (at most 19). */
    RENICE("renice", false),
    /** Stops the memory-stress generator. */
    STOP_STRESS("stop-stress", false),
    /** Makes the agent's allocation tracking take fewer samples (EXACT to SAMPLED, then a 4x longer interval). */
    SAMPLE_LESS("sample-less", false);

    private final String text;
    private final boolean takesPrograms;

    ActionVerb(String text, boolean takesPrograms) {
        this.text = text;
        this.takesPrograms = takesPrograms;
    }

    /** The spelling in rules files and decisions, e.g. {@code reduce-parallelism}. */
    public String text() {
        return text;
    }

    /** Whether the verb acts on workload programs chosen by a {@link ProgramSelector}. */
    public boolean takesPrograms() {
        return takesPrograms;
    }

    /** @return the verb spelled {@code text}, or {@code null} */
    public static ActionVerb fromText(String text) {
        for (ActionVerb v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        return null;
    }

    /** Every verb as it may be written, for error messages. */
    public static String accepted() {
        return Arrays.stream(values())
                .map(v -> v.takesPrograms ? v.text + "(<programs>)" : v.text)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.memtrack.agent.policy.act;

import java.util.Objects;

/**
 * Something the policy can change, written {@code workload:<name>}, {@code process:<pid>},
 * {@code simulator:stress} or {@code agent:sampling}. That text is how targets appear in decisions,
 * effectiveness rows and pins.
 *
 * @param kind what sort of thing
 * @param id   which one: program name, pid, {@code stress} or {@code sampling}
 */
public record Target(Kind kind, String id) {

    /** What {@link #parse} accepts, for error messages. */
    public static final String ACCEPTED = "workload:<name>, process:<pid>, simulator:stress or agent:sampling";

    public static final Target STRESS = new Target(Kind.SIMULATOR, "stress");
    public static final Target AGENT_SAMPLING = new Target(Kind.AGENT, "sampling");

    /** Sorts of targets, with the prefix they are written with. */
    public enum Kind {
        WORKLOAD("workload"), PROCESS("process"), SIMULATOR("simulator"), AGENT("agent");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Target workload(String program) {
        return new Target(Kind.WORKLOAD, program);
    }

    public static Target process(long pid) {
        return new Target(Kind.PROCESS, Long.toString(pid));
    }

    /**
     * Parses a target as people write it.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static Target parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        String prefix = colon < 0 ? t : t.substring(0, colon);
        String id = colon < 0 ? "" : t.substring(colon + 1).trim();
        switch (prefix) {
            case "workload":
                if (!id.isEmpty()) {
                    return workload(id);
                }
                break;
            case "process":
                if (id.matches("\\d{1,18}") && Long.parseLong(id) > 0) {
                    return process(Long.parseLong(id));
                }
                break;
            case "simulator":
                if (id.equals(STRESS.id)) {
                    return STRESS;
                }
                break;
            case "agent":
                if (id.equals(AGENT_SAMPLING.id)) {
                    return AGENT_SAMPLING;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("Unknown target '" + text + "': expected " + ACCEPTED);
    }

    /** The pid of a process target. */
    public long pid() {
        if (kind != Kind.PROCESS) {
            throw new IllegalStateException(this + " is not a process");
        }
        return Long.parseLong(id);
    }

    @Override
    public String toString() {
        return kind.prefix + ":" + id;
    }
}

package dev.memtrack.agent.policy.rules;

import dev.memtrack.mbeans.Priority;
import java.util.List;
import java.util.Locale;

/**
 * Which workload programs an action may change: by priority class, in the order they are throttled
 * ({@code background}, {@code normal}, {@code non-critical} = background first, then normal), or one
 * program by name ({@code workload:<name>}). CRITICAL programs can never be selected.
 */
public sealed interface ProgramSelector permits ProgramSelector.ByPriority, ProgramSelector.Named {

    String ACCEPTED = "background, normal, non-critical or workload:<name>";

    /** Selects {@code non-critical} programs: background first, then normal. */
    ProgramSelector NON_CRITICAL = new ByPriority(List.of(Priority.BACKGROUND, Priority.NORMAL));

    /**
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    static ProgramSelector parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("workload:")) {
            String name = t.substring("workload:".length()).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + t + "' names no program; expected " + ACCEPTED);
            }
            return new Named(name);
        }
        return switch (lower) {
            case "background" -> new ByPriority(List.of(Priority.BACKGROUND));
            case "normal" -> new ByPriority(List.of(Priority.NORMAL));
            case "non-critical" -> NON_CRITICAL;
            case "critical" -> throw new IllegalArgumentException(
                    "'" + t + "': CRITICAL programs are never throttled; expected " + ACCEPTED);
            default -> throw new IllegalArgumentException("unknown programs '" + t + "'; expected " + ACCEPTED);
        };
    }

    /**
     * Programs of the given priorities; earlier priorities are throttled first.
     *
     * @param order BACKGROUND and/or NORMAL, never CRITICAL
     */
    record ByPriority(List<Priority> order) implements ProgramSelector {
        public ByPriority {
            order = List.copyOf(order);
            if (order.isEmpty() || order.contains(Priority.CRITICAL)) {
                throw new IllegalArgumentException("priorities must be BACKGROUND and/or NORMAL, not " + order);
            }
        }

        /** Position of a priority in the throttling order; -1 if not selected. */
        public int tier(Priority p) {
            return order.indexOf(p);
        }

        @Override
        public String toString() {
            if (order.size() == 2) {
                return "non-critical";
            }
            return order.get(0).name().toLowerCase(Locale.ROOT);
        }
    }

    /** One program by name (never throttled if it is CRITICAL). */
    record Named(String program) implements ProgramSelector {
        @Override
        public String toString() {
            return "workload:" + program;
        }
    }
}

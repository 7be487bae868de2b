package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionVerb;
import java.util.Objects;

/**
 * A change an actuator made and can undo.
 *
 * @param verb        the action that made it
 * @param target      what was changed
 * @param setting     which setting of the target, e.g. {@code parallelism}; changes on the same target
 *                    and setting are undone newest first
 * @param before      the setting before, e.g. {@code parallelism=8}
 * @param after       the setting after, read back from the target
 * @param autoRestore whether the engine may undo it on its own when pressure is gone (and on close);
 *                    otherwise only {@code undoAll} restores it
 * @param reverter    restores {@code before} if the setting is still {@code after}
 */
public record Change(ActionVerb verb, Target target, String setting, String before, String after,
                     boolean autoRestore, Reverter reverter) {

    /** Restores a change. */
    @FunctionalInterface
    public interface Reverter {
        /**
         * @return the setting after restoring, read back from the target
         * @throws ActuatorException if the target is gone, was changed by someone else since, or refused
         */
        String revert() throws ActuatorException;
    }

    public Change {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reverter, "reverter");
    }

    /** Target and setting, e.g. {@code workload:batch parallelism}. */
    public String settingKey() {
        return target + " " + setting;
    }
}

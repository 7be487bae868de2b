package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import java.util.Set;

/**
 * Carries out actions of some verbs on the real things they change, reads every setting back, and
 * hands back a {@link Change} that can undo what it did. Implementations are called by one engine
 * thread at a time.
 */
public interface Actuator {

    /** The verbs it carries out. */
    Set<ActionVerb> verbs();

    /**
     * What the candidate action could do now. Must not change anything.
     *
     * @param action       the candidate, one of {@link #verbs()}
     * @param contribution which figure ranks workload programs
     */
    Expansion options(ActionSpec action, Contribution contribution);

    /**
     * Applies an option from {@link #options}, reading the setting again first (it may have moved).
     *
     * @throws ActuatorException if the target is gone, at its floor, refuses, or the read-back differs
     */
    Change apply(ActionOption option) throws ActuatorException;
}

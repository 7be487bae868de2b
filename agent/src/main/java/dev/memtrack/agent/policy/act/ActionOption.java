package dev.memtrack.agent.policy.act;

import dev.memtrack.agent.policy.rules.ActionVerb;

/**
 * One concrete thing the engine could do now: a verb on a target, with the setting as it is and as
 * the action would leave it.
 *
 * @param verb         what to do
 * @param target       on what
 * @param tier         throttling order inside one candidate action (0 first: background before normal)
 * @param contribution how much the target adds to the rule's metric (CPU % or bytes/s); 0 if unknown
 * @param current      the setting now, e.g. {@code parallelism=8}
 * @param proposed     the setting the action would make, e.g. {@code parallelism=4}
 */
public record ActionOption(ActionVerb verb, Target target, int tier, double contribution, String current,
                           String proposed) {

    /** Identifies the option across evaluations: {@code reduce-parallelism workload:batch}. */
    public String key() {
        return verb.text() + " " + target;
    }
}

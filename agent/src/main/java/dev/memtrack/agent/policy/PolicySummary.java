package dev.memtrack.agent.policy;

import dev.memtrack.mbeans.PolicyMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy at a glance, for the agent's JSON Lines log (one per interval). Immutable.
 *
 * @param mode           OFF, ADVISORY or ENFORCE
 * @param disabledReason why the policy cannot run (rules file unusable); empty when it can
 * @param ruleStates     rule name to IDLE, PENDING, ACTIVE or COOLDOWN (disabled rules: DISABLED)
 * @param changesInForce changes the engine made and has not undone, as text
 *                       ({@code workload:batch parallelism=8 -> parallelism=4 (rule cpu, decision #3)})
 * @param lastDecisionId id of the newest decision, 0 if none
 * @param pins           pinned targets
 * @param unavailable    option or verb to why it could not be used when its rule last fired, and
 *                       actions that failed within the last 10 minutes
 */
public record PolicySummary(PolicyMode mode, String disabledReason, Map<String, String> ruleStates,
                            List<String> changesInForce, long lastDecisionId, List<String> pins,
                            Map<String, String> unavailable) {

    public PolicySummary {
        ruleStates = Collections.unmodifiableMap(new LinkedHashMap<>(ruleStates));
        changesInForce = List.copyOf(changesInForce);
        pins = List.copyOf(pins);
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }
}

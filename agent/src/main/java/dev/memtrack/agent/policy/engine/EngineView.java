package dev.memtrack.agent.policy.engine;

import dev.memtrack.mbeans.EffectivenessRow;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.RuleRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine looks like after its last evaluation or manual change; MBean getters and the log
 * summary read this, never the engine's working state. Immutable.
 *
 * @param mode           the mode
 * @param disabledReason why the policy cannot run (rules file unusable), or empty
 * @param rules          one row per rule, in rule order
 * @param thresholds     rule name to threshold, in rule order
 * @param effectiveness  what was learned, by rule, action, target
 * @param pins           pinned targets, sorted
 * @param changes        changes in force, oldest first, as text
 * @param unavailable    option (or verb) to why it cannot be used now
 */
public record EngineView(PolicyMode mode, String disabledReason, List<RuleRow> rules, Map<String, Double> thresholds,
                         List<EffectivenessRow> effectiveness, List<String> pins, List<String> changes,
                         Map<String, String> unavailable) {

    public EngineView {
        rules = List.copyOf(rules);
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        effectiveness = List.copyOf(effectiveness);
        pins = List.copyOf(pins);
        changes = List.copyOf(changes);
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }
}

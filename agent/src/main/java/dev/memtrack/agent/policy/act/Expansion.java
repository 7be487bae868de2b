package dev.memtrack.agent.policy.act;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one candidate action can do right now: the options, and for each target it cannot act on, why
 * (absent, at its floor, not running ...). Reasons are shown to people when a rule can do nothing.
 *
 * @param options     usable options, in the actuator's order
 * @param unavailable option key ({@code verb target}) or verb to the reason it is unavailable
 */
public record Expansion(List<ActionOption> options, Map<String, String> unavailable) {

    public Expansion {
        options = List.copyOf(options);
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /** Nothing can be done, for one reason. */
    public static Expansion unavailable(String key, String reason) {
        return new Expansion(List.of(), Map.of(key, reason));
    }
}

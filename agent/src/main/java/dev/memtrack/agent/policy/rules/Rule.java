package dev.memtrack.agent.policy.rules;

import dev.memtrack.agent.policy.DurationText;
import dev.memtrack.agent.policy.MetricNames;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One rule of the policy: when {@code metric} stays above {@code threshold} for {@code hold}, take the
 * first helpful of {@code actions}; wait {@code cooldown} (the window in which the action's effect is
 * measured) before acting again; when the metric has stayed below {@code release} for
 * {@code restoreAfter}, undo the rule's newest change, one step per {@code restoreAfter}.
 *
 * <p>Immutable; run-time changes (threshold, on/off) produce a new instance.
 */
public record Rule(String name, String metric, double threshold, double release, Duration hold,
                   Duration cooldown, Duration restoreAfter, List<ActionSpec> actions, boolean enabled) {

    /** Names of decisions that no rule made; a rule may not take them. */
    public static final List<String> RESERVED_NAMES = List.of("manual", "undo");

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(restoreAfter, "restoreAfter");
        actions = List.copyOf(actions);
        checkName(name);
        if (!MetricNames.isKnown(metric)) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; expected one of "
                    + String.join(", ", MetricNames.ALL));
        }
        checkThreshold(metric, "threshold", threshold);
        checkThreshold(metric, "release", release);
        if (release > threshold) {
            throw new IllegalArgumentException("release " + release + " is above the threshold " + threshold
                    + "; the rule releases when the metric falls below release, so release must be <= threshold");
        }
        if (hold.isNegative() || cooldown.isZero() || cooldown.isNegative() || restoreAfter.isNegative()) {
            throw new IllegalArgumentException("hold and restore-after must be >= 0 and cooldown > 0, got hold "
                    + DurationText.format(hold) + ", cooldown " + DurationText.format(cooldown) + ", restore-after "
                    + DurationText.format(restoreAfter));
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' has no actions");
        }
    }

    /** Rule names are lower-case letters, digits and dashes, starting with a letter. */
    public static void checkName(String name) {
        if (!name.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("rule name '" + name
                    + "' must be lower-case letters, digits and dashes, starting with a letter (at most 64)");
        }
        if (RESERVED_NAMES.contains(name)) {
            throw new IllegalArgumentException("rule name '" + name + "' is reserved for decisions no rule made");
        }
    }

    /**
     * @throws IllegalArgumentException if {@code value} is no valid threshold of {@code metric}
     */
    public static void checkThreshold(String metric, String what, double value) {
        double max = MetricNames.maxThreshold(metric);
        if (!Double.isFinite(value) || value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is out of range for " + metric + ": expected "
                    + (MetricNames.isPercent(metric) ? "a percentage from 0 to 100" : "a finite number >= 0"));
        }
    }

    /**
     * A copy with a new threshold; the release threshold moves with it so the hysteresis gap stays
     * (but not below 0).
     *
     * @throws IllegalArgumentException if the value is no valid threshold of the rule's metric
     */
    public Rule withThreshold(double newThreshold) {
        checkThreshold(metric, "threshold", newThreshold);
        double gap = threshold - release;
        return new Rule(name, metric, newThreshold, Math.max(0, newThreshold - gap), hold, cooldown, restoreAfter,
                actions, enabled);
    }

    public Rule withEnabled(boolean on) {
        return new Rule(name, metric, threshold, release, hold, cooldown, restoreAfter, actions, on);
    }

    /** The actions as a rules file writes them, comma-separated. */
    public String actionsText() {
        return actions.stream().map(ActionSpec::toString).collect(Collectors.joining(", "));
    }
}

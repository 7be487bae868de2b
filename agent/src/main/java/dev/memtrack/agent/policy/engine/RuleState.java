package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.rules.Rule;
import dev.memtrack.mbeans.RuleRow;
import java.time.Duration;

/**
 * What the engine remembers about one rule between evaluations: since when its metric has been above
 * the threshold or below the release threshold, when it last acted and undid, the measurement in
 * progress. Times are monotonic nanoseconds; {@link #NONE} means never / not now.
 *
 * <p>Not thread-safe: owned by the engine under its lock.
 */
final class RuleState {

    static final long NONE = Long.MIN_VALUE;

    Rule rule;
    long aboveSince = NONE;
    long belowSince = NONE;
    long lastActionAt = NONE;
    long lastUndoAt = NONE;
    Measurement measurement;
    double lastValue = Double.NaN;

    RuleState(Rule rule) {
        this.rule = rule;
    }

    /** Whether at least {@code d} has passed since {@code since} (false if {@code since} is NONE). */
    static boolean elapsed(long since, long now, Duration d) {
        return since != NONE && now - since >= d.toNanos();
    }

    /** Never happened, or at least {@code d} ago. */
    static boolean notWithin(long since, long now, Duration d) {
        return since == NONE || now - since >= d.toNanos();
    }

    void resetTimers() {
        aboveSince = NONE;
        belowSince = NONE;
    }

    /**
     * IDLE (nothing to do), PENDING (above the threshold, hold not yet over), ACTIVE (fired, or holds
     * changes), COOLDOWN (acted recently; measuring the effect).
     */
    String state(long now, long changesInForce) {
        if (!notWithin(lastActionAt, now, rule.cooldown())) {
            return "COOLDOWN";
        }
        if (changesInForce > 0 || elapsed(aboveSince, now, rule.hold())) {
            return "ACTIVE";
        }
        return aboveSince != NONE ? "PENDING" : "IDLE";
    }

    RuleRow row(long now, long changesInForce) {
        return new RuleRow(rule.name(), rule.enabled(), rule.metric(), rule.threshold(), rule.release(),
                rule.hold().toMillis(), rule.cooldown().toMillis(), rule.actionsText(),
                rule.enabled() ? state(now, changesInForce) : "IDLE", lastValue);
    }
}

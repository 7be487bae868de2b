package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.act.ActionOption;
import dev.memtrack.mbeans.PolicyDecision;

/**
 * The effect of one action being measured: samples of the rule's metric taken after the action,
 * during the rule's cooldown.
 *
 * @param decision        the decision that acted
 * @param entry           the change it made
 * @param option          what was done to what
 * @param valueAtDecision the metric when deciding
 * @param startedAt       monotonic nanoseconds of the action
 * @param sum             sum of the samples so far
 * @param samples         how many samples
 */
record Measurement(PolicyDecision decision, LedgerEntry entry, ActionOption option, double valueAtDecision,
                   long startedAt, double sum, int samples) {

    static Measurement start(PolicyDecision decision, LedgerEntry entry, ActionOption option, double value,
                             long now) {
        return new Measurement(decision, entry, option, value, now, 0, 0);
    }

    Measurement withSample(double value) {
        return new Measurement(decision, entry, option, valueAtDecision, startedAt, sum + value, samples + 1);
    }

    /** Mean of the samples; NaN when there are none. */
    double mean() {
        return samples == 0 ? Double.NaN : sum / samples;
    }
}

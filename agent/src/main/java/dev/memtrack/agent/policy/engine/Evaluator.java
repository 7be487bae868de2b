package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.DurationText;
import dev.memtrack.agent.policy.MetricsSnapshot;
import dev.memtrack.agent.policy.PolicyClock;
import dev.memtrack.agent.policy.act.ActionOption;
import dev.memtrack.agent.policy.act.Actuator;
import dev.memtrack.agent.policy.act.ActuatorException;
import dev.memtrack.agent.policy.act.Change;
import dev.memtrack.agent.policy.act.Contribution;
import dev.memtrack.agent.policy.act.Expansion;
import dev.memtrack.agent.policy.act.Target;
import dev.memtrack.agent.policy.record.DecisionRecorder;
import dev.memtrack.agent.policy.record.Warnings;
import dev.memtrack.agent.policy.rules.ActionSpec;
import dev.memtrack.agent.policy.rules.ActionVerb;
import dev.memtrack.agent.policy.rules.Rule;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.RuleRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The policy engine's loop: at each evaluation, for every enabled rule, read its metric; act when it
 * has been above the threshold for the hold time and the cooldown is over; measure the action's
 * effect over the cooldown and score it; revert an action that did not help and escalate to the next
 * option; undo the rule's changes one step at a time once the metric has stayed below the release
 * threshold for the restore-after time.
 *
 * <p>Modes: OFF evaluates nothing; ADVISORY decides and records but changes nothing (not even undo
 * steps, which it only advises); ENFORCE acts. Changes survive mode switches; {@link #undoAll} restores
 * them in any mode.
 *
 * <p>Pins: a pinned target is never acted on nor restored, automatically or by {@link #undoAll}; its
 * changes stay in the ledger and are restored once it is unpinned.
 *
 * <p>Every failure of a rule or actuator is caught: the rule is skipped for this evaluation, a failing
 * (action, target) becomes unavailable for {@link #FAILURE_MEMORY} with its reason, and one warning is
 * logged. Thread-safe: every operation runs under one lock; readers use {@link #view()}.
 */
public final class Evaluator {

    /** How long an (action, target) that failed stays unavailable before it is offered again. */
    static final Duration FAILURE_MEMORY = Duration.ofMinutes(10);
    /** Share of the way from the decision value down to the release threshold that counts as relief. */
    static final double RELIEF_FRACTION = 0.2;

    static final String UNDO = "undo";
    static final String MANUAL = "manual";

    private final Object lock = new Object();
    private final Map<String, RuleState> rules = new LinkedHashMap<>();
    private final Supplier<MetricsSnapshot> metrics;
    private final PolicyClock clock;
    private final Map<ActionVerb, Actuator> actuators = new LinkedHashMap<>();
    private final DecisionRecorder recorder;
    private final Warnings warnings;
    private final OptionChooser chooser;
    private final String disabledReason;
    private final EffectivenessScores scores = new EffectivenessScores();
    private final ChangeLedger ledger = new ChangeLedger();
    private final TreeSet<String> pins = new TreeSet<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> unavailableByRule = new LinkedHashMap<>();
    private volatile PolicyMode mode;
    private volatile EngineView view;

    private record Failure(String reason, long at) {
    }

    /**
     * @param rules          the rules, in order
     * @param mode           the initial mode
     * @param disabledReason why the policy cannot run (then {@code mode} must be OFF), or {@code null}
     * @param seed           seed of tie-breaking and exploration
     * @param metrics        the latest metrics
     * @param clock          time
     * @param actuators      what carries out actions, each for its verbs
     * @param recorder       where decisions go
     * @param warnings       where failures are logged once
     */
    public Evaluator(List<Rule> rules, PolicyMode mode, String disabledReason, long seed,
                     Supplier<MetricsSnapshot> metrics, PolicyClock clock, List<Actuator> actuators,
                     DecisionRecorder recorder, Warnings warnings) {
        this(rules, mode, disabledReason, new OptionChooser(seed, OptionChooser.DEFAULT_EXPLORATION), metrics,
                clock, actuators, recorder, warnings);
    }

    Evaluator(List<Rule> rules, PolicyMode mode, String disabledReason, OptionChooser chooser,
              Supplier<MetricsSnapshot> metrics, PolicyClock clock, List<Actuator> actuators,
              DecisionRecorder recorder, Warnings warnings) {
        rules.forEach(r -> this.rules.put(r.name(), new RuleState(r)));
        this.mode = disabledReason == null ? mode : PolicyMode.OFF;
        this.disabledReason = disabledReason;
        this.chooser = chooser;
        this.metrics = metrics;
        this.clock = clock;
        actuators.forEach(a -> a.verbs().forEach(v -> this.actuators.put(v, a)));
        this.recorder = recorder;
        this.warnings = warnings;
        publishView(clock.nanoTime());
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * Evaluates every enabled rule once (nothing in OFF mode or when disabled).
     *
     * @return the number of decisions made (actions, advice, undos, failures)
     */
    public int evaluate() {
        synchronized (lock) {
            long now = clock.nanoTime();
            if (disabledReason != null || mode == PolicyMode.OFF) {
                publishView(now);
                return 0;
            }
            MetricsSnapshot snapshot = readMetrics();
            int made = 0;
            for (RuleState s : rules.values()) {
                if (!s.rule.enabled()) {
                    continue;
                }
                try {
                    made += evaluateRule(s, snapshot, now);
                } catch (RuntimeException | LinkageError e) {
                    warnings.warn("rule." + s.rule.name() + "." + e.getClass().getName(), "Policy rule '"
                            + s.rule.name() + "' failed during an evaluation and was skipped: " + e);
                }
            }
            publishView(now);
            return made;
        }
    }

    /** {@link #evaluate()} for a scheduler: nothing escapes, so later evaluations still run. */
    public void evaluateSafely() {
        try {
            evaluate();
        } catch (Throwable t) { // a scheduled task that throws is never run again
            warnings.warn("evaluate." + t.getClass().getName(), "Policy evaluation failed: " + t);
        }
    }

    private MetricsSnapshot readMetrics() {
        try {
            MetricsSnapshot s = metrics.get();
            return s != null ? s : MetricsSnapshot.empty(clock.currentTimeMillis());
        } catch (RuntimeException e) {
            warnings.warn("metrics." + e.getClass().getName(), "Policy cannot read metrics; rules wait: " + e);
            return MetricsSnapshot.empty(clock.currentTimeMillis());
        }
    }

    private int evaluateRule(RuleState s, MetricsSnapshot snapshot, long now) {
        Rule rule = s.rule;
        double value = snapshot.value(rule.metric());
        s.lastValue = value;
        int made = s.measurement != null ? advanceMeasurement(s, value, now) : 0;
        if (Double.isNaN(value)) {
            s.resetTimers();
        } else if (value > rule.threshold()) {
            s.belowSince = RuleState.NONE;
            if (s.aboveSince == RuleState.NONE) {
                s.aboveSince = now;
            }
            if (RuleState.elapsed(s.aboveSince, now, rule.hold())
                    && RuleState.notWithin(s.lastActionAt, now, rule.cooldown()) && s.measurement == null) {
                made += act(s, value, now);
            }
        } else if (value < rule.release()) {
            s.aboveSince = RuleState.NONE;
            if (s.belowSince == RuleState.NONE) {
                s.belowSince = now;
            }
            if (RuleState.elapsed(s.belowSince, now, rule.restoreAfter())
                    && RuleState.notWithin(s.lastUndoAt, now, rule.restoreAfter())) {
                made += restoreOneStep(s, value, now);
            }
        } else {
            s.resetTimers();
        }
        return made;
    }

    private int act(RuleState s, double value, long now) {
        Rule rule = s.rule;
        s.lastActionAt = now;
        Map<String, String> reasons = new LinkedHashMap<>();
        List<List<ActionOption>> candidates = new ArrayList<>();
        for (ActionSpec spec : rule.actions()) {
            candidates.add(usableOptions(spec, Contribution.forMetric(rule.metric()), reasons, now));
        }
        unavailableByRule.put(rule.name(), reasons);
        List<ActionOption> order = chooser.order(candidates, o -> scores.score(rule.name(), o.verb(), o.target()));
        for (List<ActionOption> options : candidates) {
            for (ActionOption o : options) {
                if (!order.contains(o)) {
                    reasons.put(o.key(), String.format(Locale.ROOT, "did not help before (score %.2f)",
                            scores.score(rule.name(), o.verb(), o.target())));
                }
            }
        }
        String because = rule.metric() + " " + number(value) + " > " + number(rule.threshold()) + " for "
                + DurationText.format(rule.hold());
        if (order.isEmpty()) {
            warnings.note("idle." + rule.name(), "Policy rule '" + rule.name() + "' fired (" + because
                    + ") but no action is available: " + reasons);
            return 0;
        }
        if (mode == PolicyMode.ADVISORY) {
            ActionOption o = order.get(0);
            recorder.publish(decision(rule.name(), s, value, o.verb().text(), o.target(), o.current(), o.current(),
                    Outcome.ADVISED, because + "; would set " + o.proposed()));
            return 1;
        }
        int made = 0;
        for (ActionOption o : order) {
            made++;
            try {
                Change c = actuators.get(o.verb()).apply(o);
                PolicyDecision d = decision(rule.name(), s, value, o.verb().text(), o.target(), c.before(), c.after(),
                        Outcome.PENDING, because);
                LedgerEntry entry = new LedgerEntry(d.id(), rule.name(), c);
                ledger.add(entry);
                s.measurement = Measurement.start(d, entry, o, value, now);
                recorder.publish(d);
                return made;
            } catch (ActuatorException | RuntimeException e) {
                String reason = e instanceof ActuatorException ? e.getMessage() : e.toString();
                failures.put(o.key(), new Failure(reason, now));
                warnings.warn("failed." + o.key(), "Policy action " + o.key() + " failed and is unavailable for "
                        + DurationText.format(FAILURE_MEMORY) + ": " + reason);
                recorder.publish(decision(rule.name(), s, value, o.verb().text(), o.target(), o.current(),
                        o.current(), Outcome.FAILED, because + "; failed: " + reason));
            }
        }
        return made;
    }

    /** The options of one candidate the engine may use now; why the others cannot go into {@code reasons}. */
    private List<ActionOption> usableOptions(ActionSpec spec, Contribution contribution, Map<String, String> reasons,
                                             long now) {
        List<ActionOption> usable = new ArrayList<>();
        Actuator actuator = actuators.get(spec.verb());
        if (actuator == null) {
            reasons.put(spec.toString(), "nothing here carries out " + spec.verb());
            return usable;
        }
        Expansion expansion;
        try {
            expansion = actuator.options(spec, contribution);
        } catch (RuntimeException | LinkageError e) {
            reasons.put(spec.toString(), "cannot list targets: " + e);
            warnings.warn("options." + spec, "Policy cannot list the targets of " + spec + ": " + e);
            return usable;
        }
        reasons.putAll(expansion.unavailable());
        for (ActionOption o : expansion.options()) {
            Failure f = failures.get(o.key());
            if (f != null && now - f.at() >= FAILURE_MEMORY.toNanos()) {
                failures.remove(o.key());
                f = null;
            }
            if (pins.contains(o.target().toString())) {
                reasons.put(o.key(), o.target() + " is pinned");
            } else if (f != null) {
                reasons.put(o.key(), "failed: " + f.reason());
            } else {
                usable.add(o);
            }
        }
        return usable;
    }

    private int advanceMeasurement(RuleState s, double value, long now) {
        Measurement m = s.measurement;
        if (now != m.startedAt() && !Double.isNaN(value)) {
            m = m.withSample(value);
        }
        s.measurement = m;
        if (now - m.startedAt() < s.rule.cooldown().toNanos()) {
            return 0;
        }
        s.measurement = null;
        return conclude(s, m, true, s.rule.metric() + " was unavailable");
    }

    /**
     * Scores a finished (or interrupted) measurement and updates its decision; in ENFORCE mode an
     * action that did not help is reverted at once, so the next option can be tried.
     */
    private int conclude(RuleState s, Measurement m, boolean mayRevert, String whyUnmeasured) {
        Rule rule = s.rule;
        PolicyDecision d = m.decision();
        double mean = m.mean();
        if (Double.isNaN(mean)) {
            recorder.publish(withOutcome(d, Outcome.INEFFECTIVE, Double.NaN,
                    d.message() + "; not measured: " + whyUnmeasured));
            return 0;
        }
        double effect = mean - m.valueAtDecision();
        boolean relieved = mean < rule.release()
                || m.valueAtDecision() - mean >= RELIEF_FRACTION * (m.valueAtDecision() - rule.release());
        scores.record(rule.name(), m.option().verb(), m.option().target(), relieved);
        recorder.publish(withOutcome(d, relieved ? Outcome.EFFECTIVE : Outcome.INEFFECTIVE, effect,
                d.message() + "; then averaged " + number(mean) + " over " + m.samples() + " evaluations: "
                        + (relieved ? "relieved" : "did not relieve")));
        LedgerEntry entry = m.entry();
        if (!relieved && mayRevert && mode == PolicyMode.ENFORCE && ledger.contains(entry)
                && entry.change().autoRestore() && !isPinned(entry) && ledger.isNewestOnSetting(entry)) {
            revert(entry, UNDO, "decision #" + d.id() + " did not relieve " + rule.metric() + " (effect "
                    + number(effect) + "): reverted");
            return 1;
        }
        return 0;
    }

    private int restoreOneStep(RuleState s, double value, long now) {
        LedgerEntry e = ledger.nextAutoRestore(s.rule.name(), this::isPinned);
        if (e == null) {
            return 0;
        }
        s.lastUndoAt = now;
        String why = s.rule.metric() + " " + number(value) + " below release " + number(s.rule.release()) + " for "
                + DurationText.format(s.rule.restoreAfter());
        Change c = e.change();
        if (mode == PolicyMode.ADVISORY) {
            recorder.publish(decision(UNDO, s, value, c.verb().text(), c.target(), c.after(), c.after(),
                    Outcome.ADVISED, why + "; would restore " + c.before() + " (decision #" + e.decisionId() + ")"));
            return 1;
        }
        revert(e, UNDO, why);
        return 1;
    }

    /**
     * Undoes one change and records it.
     *
     * @return whether the setting was restored
     */
    private boolean revert(LedgerEntry entry, String label, String why) {
        ledger.remove(entry);
        RuleState owner = rules.get(entry.rule());
        if (owner.measurement != null && owner.measurement.entry() == entry) {
            Measurement m = owner.measurement;
            owner.measurement = null;
            conclude(owner, m, false, "undone before the window ended");
        }
        Change c = entry.change();
        String undoes = " (undoes decision #" + entry.decisionId() + " of rule " + entry.rule() + ")";
        try {
            String restored = c.reverter().revert();
            recorder.publish(decision(label, owner, owner.lastValue, c.verb().text(), c.target(), c.after(),
                    restored, Outcome.UNDONE, why + undoes));
            return true;
        } catch (ActuatorException | RuntimeException ex) {
            String reason = ex instanceof ActuatorException ? ex.getMessage() : ex.toString();
            warnings.warn("undo." + c.settingKey() + "." + reason, "Policy could not restore " + c.before() + " on "
                    + c.target() + ": " + reason);
            recorder.publish(decision(label, owner, owner.lastValue, c.verb().text(), c.target(), c.after(),
                    c.after(), Outcome.FAILED, why + undoes + "; could not restore " + c.before() + ": " + reason));
            return false;
        }
    }

    // ---------------------------------------------------------------- manual control

    public PolicyMode mode() {
        return mode;
    }

    /**
     * Switches mode. Changes in force stay; timers restart so a hold time spans one mode only.
     *
     * @throws IllegalArgumentException if {@code newMode} is null, or not OFF while the policy is disabled
     */
    public void setMode(PolicyMode newMode) {
        if (newMode == null) {
            throw new IllegalArgumentException("Mode must be one of OFF, ADVISORY, ENFORCE");
        }
        if (disabledReason != null && newMode != PolicyMode.OFF) {
            throw new IllegalArgumentException("The policy is disabled and stays OFF: " + disabledReason);
        }
        synchronized (lock) {
            mode = newMode;
            rules.values().forEach(RuleState::resetTimers);
            publishView(clock.nanoTime());
        }
    }

    /**
     * Sets a rule's threshold; its release threshold moves with it, keeping the hysteresis gap.
     *
     * @throws IllegalArgumentException for an unknown rule or a value out of the metric's range
     */
    public void setThreshold(String rule, double value) {
        synchronized (lock) {
            RuleState s = ruleState(rule);
            try {
                s.rule = s.rule.withThreshold(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot set the threshold of rule '" + rule + "': "
                        + e.getMessage(), e);
            }
            s.resetTimers();
            publishView(clock.nanoTime());
        }
    }

    /**
     * Turns a rule on or off. What a disabled rule changed stays until undone; a measurement in
     * progress is concluded with the samples so far.
     *
     * @throws IllegalArgumentException for an unknown rule
     */
    public void setEnabled(String rule, boolean enabled) {
        synchronized (lock) {
            RuleState s = ruleState(rule);
            s.rule = s.rule.withEnabled(enabled);
            s.resetTimers();
            if (!enabled && s.measurement != null) {
                Measurement m = s.measurement;
                s.measurement = null;
                conclude(s, m, false, "rule disabled before the window ended");
            }
            publishView(clock.nanoTime());
        }
    }

    /**
     * Pins a target: the engine will neither change nor restore it. Pinning twice is harmless; the
     * target need not exist yet.
     *
     * @throws IllegalArgumentException for text that is not a target
     */
    public void pin(String target) {
        String t = Target.parse(target).toString();
        synchronized (lock) {
            pins.add(t);
            publishView(clock.nanoTime());
        }
    }

    /**
     * @throws IllegalArgumentException for text that is not a target, or a target that is not pinned
     */
    public void unpin(String target) {
        String t = Target.parse(target).toString();
        synchronized (lock) {
            if (!pins.remove(t)) {
                throw new IllegalArgumentException("Target '" + target + "' is not pinned; pinned: "
                        + (pins.isEmpty() ? "none" : String.join(", ", pins)));
            }
            publishView(clock.nanoTime());
        }
    }

    /**
     * Undoes every change the engine made, newest first, in any mode, except on pinned targets.
     *
     * @return how many changes were restored
     */
    public int undoAll() {
        return restore(false, "undo requested");
    }

    /**
     * Undoes what the engine may undo on its own (not a stopped stress generator, not pinned targets);
     * for the agent shutting down.
     *
     * @return how many changes were restored
     */
    public int restoreForShutdown() {
        return restore(true, "the agent is stopping");
    }

    private int restore(boolean autoRestoreOnly, String why) {
        synchronized (lock) {
            int undone = 0;
            for (LedgerEntry e : ledger.newestFirst()) {
                if (isPinned(e) || (autoRestoreOnly && !e.change().autoRestore()) || !ledger.isNewestOnSetting(e)) {
                    continue;
                }
                if (revert(e, MANUAL, why)) {
                    undone++;
                }
            }
            publishView(clock.nanoTime());
            return undone;
        }
    }

    /** What the engine looks like now; immutable. */
    public EngineView view() {
        return view;
    }

    // ---------------------------------------------------------------- helpers

    private RuleState ruleState(String rule) {
        RuleState s = rule == null ? null : rules.get(rule);
        if (s == null) {
            throw new IllegalArgumentException("Unknown rule '" + rule + "'; rules: "
                    + (rules.isEmpty() ? "none" : String.join(", ", rules.keySet())));
        }
        return s;
    }

    private boolean isPinned(LedgerEntry e) {
        return pins.contains(e.change().target().toString());
    }

    private PolicyDecision decision(String label, RuleState s, double value, String action, Target target,
                                    String before, String after, Outcome outcome, String message) {
        return new PolicyDecision(recorder.nextId(), clock.currentTimeMillis(), label, s.rule.metric(), value,
                s.rule.threshold(), action, target.toString(), before, after, mode.name(), outcome.name(),
                Double.NaN, message);
    }

    private static PolicyDecision withOutcome(PolicyDecision d, Outcome outcome, double effect, String message) {
        return new PolicyDecision(d.id(), d.timeMillis(), d.rule(), d.metric(), d.value(), d.threshold(), d.action(),
                d.target(), d.before(), d.after(), d.mode(), outcome.name(), effect, message);
    }

    /** Metric values as people read them: one decimal, or whole numbers for large values (bytes/s). */
    static String number(double v) {
        return Math.abs(v) >= 10_000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private void publishView(long now) {
        List<RuleRow> rows = new ArrayList<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (RuleState s : rules.values()) {
            rows.add(s.row(now, ledger.countFor(s.rule.name())));
            thresholds.put(s.rule.name(), s.rule.threshold());
        }
        List<String> changes = new ArrayList<>();
        for (LedgerEntry e : ledger.all()) {
            Change c = e.change();
            changes.add(c.target() + " " + c.before() + " -> " + c.after() + " (rule " + e.rule() + ", decision #"
                    + e.decisionId() + (isPinned(e) ? ", pinned" : "") + ")");
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        unavailableByRule.values().forEach(unavailable::putAll);
        failures.forEach((k, f) -> unavailable.put(k, "failed: " + f.reason()));
        view = new EngineView(mode, disabledReason == null ? "" : disabledReason, rows, thresholds, scores.rows(),
                new ArrayList<>(pins), changes, unavailable);
    }
}

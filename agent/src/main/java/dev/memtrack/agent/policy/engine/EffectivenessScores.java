package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.act.Target;
import dev.memtrack.agent.policy.rules.ActionVerb;
import dev.memtrack.mbeans.EffectivenessRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine learned about each (rule, action, target): how often the action was taken and
 * measured, and how often it relieved the rule's metric. The score is the mean of a Beta(1, 1) prior
 * updated by those outcomes, {@code (successes + 1) / (attempts + 2)}: 0.5 before any attempt, 2/3
 * after one success, 1/3 after one failure, approaching the success rate as attempts grow. Options
 * scoring at least {@link #TRUSTED} are tried in the rule's order; the others only when nothing
 * trusted is left (or when the engine explores).
 *
 * <p>Not thread-safe: owned by the engine under its lock.
 */
final class EffectivenessScores {

    /** Score from which an option is tried in its normal turn; an untried option has exactly this. */
    static final double TRUSTED = 0.5;

    private record Key(String rule, String action, String target) {
    }

    private record Tally(long attempts, long successes) {
        double score() {
            return (successes + 1.0) / (attempts + 2.0);
        }
    }

    private final Map<Key, Tally> tallies = new TreeMap<>(Comparator.comparing(Key::rule)
            .thenComparing(Key::action).thenComparing(Key::target));

    void record(String rule, ActionVerb verb, Target target, boolean relieved) {
        tallies.merge(new Key(rule, verb.text(), target.toString()), new Tally(1, relieved ? 1 : 0),
                (a, b) -> new Tally(a.attempts + b.attempts, a.successes + b.successes));
    }

    double score(String rule, ActionVerb verb, Target target) {
        Tally t = tallies.get(new Key(rule, verb.text(), target.toString()));
        return t == null ? TRUSTED : t.score();
    }

    /** Rows sorted by rule, action and target. */
    List<EffectivenessRow> rows() {
        List<EffectivenessRow> rows = new ArrayList<>(tallies.size());
        tallies.forEach((k, t) -> rows.add(new EffectivenessRow(k.rule(), k.action(), k.target(), t.attempts(),
                t.successes(), t.score())));
        return rows;
    }
}

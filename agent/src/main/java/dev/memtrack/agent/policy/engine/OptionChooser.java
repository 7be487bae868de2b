package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.act.ActionOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Orders the options of a rule's candidate actions into the sequence the engine tries them in.
 *
 * <ol>
 *   <li>Trusted options (score &gt;= 0.5, untried included) in the rule's candidate order; inside one
 *       candidate by throttling tier (background before normal), then higher score, then larger
 *       contribution to the metric, then a seeded random draw. If one cannot be applied, the next is
 *       tried; this is how the engine escalates past actions that did not work.</li>
 *   <li>Distrusted options (they did not help before) are left out, so an action that does not help is
 *       not repeated every cooldown; except that with probability {@code exploration} one of them,
 *       drawn at random, goes first, so an action that failed under other conditions is measured
 *       again.</li>
 * </ol>
 *
 * Deterministic for a given seed and sequence of calls. Not thread-safe.
 */
final class OptionChooser {

    /** Default probability of retrying a distrusted option. */
    static final double DEFAULT_EXPLORATION = 0.1;

    private final Random random;
    private final double exploration;

    OptionChooser(long seed, double exploration) {
        this.random = new Random(seed);
        this.exploration = exploration;
    }

    /** One option with what ordering needs. */
    private record Ranked(ActionOption option, int candidate, double score, int tieBreak) {
    }

    /**
     * @param candidates the options of each candidate action, in the rule's order
     * @param scores     the learned score of each option
     * @return the options to try, in order; distrusted ones only when exploring
     */
    List<ActionOption> order(List<List<ActionOption>> candidates, ToDoubleFunction<ActionOption> scores) {
        List<Ranked> trusted = new ArrayList<>();
        List<Ranked> distrusted = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            for (ActionOption o : candidates.get(c)) {
                double score = scores.applyAsDouble(o);
                Ranked r = new Ranked(o, c, score, random.nextInt());
                (score >= EffectivenessScores.TRUSTED ? trusted : distrusted).add(r);
            }
        }
        trusted.sort(Comparator.comparingInt(Ranked::candidate)
                .thenComparingInt(r -> r.option().tier())
                .thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
                .thenComparing(Comparator.comparingDouble((Ranked r) -> r.option().contribution()).reversed())
                .thenComparingInt(Ranked::tieBreak));
        List<ActionOption> order = new ArrayList<>(trusted.size() + 1);
        if (!distrusted.isEmpty() && random.nextDouble() < exploration) {
            order.add(distrusted.get(random.nextInt(distrusted.size())).option());
        }
        trusted.forEach(r -> order.add(r.option()));
        return order;
    }
}

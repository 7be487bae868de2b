package dev.memtrack.agent.policy.engine;

import static dev.memtrack.agent.policy.engine.EngineHarness.runningThreads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.policy.MetricNames;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.EffectivenessRow;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The effectiveness score moves the engine away from an action that does not help. The rule's first
 * candidate throttles a program that adds nothing to the metric; the second throttles the one that
 * does. Load comes and goes in episodes; time is moved by hand and choices are seeded, so every run
 * is the same.
 */
class LearningTest {

    private static final String RULES = """
            rule.cpu.metric = system.cpu.percent
            rule.cpu.above = 80
            rule.cpu.release = 60
            rule.cpu.hold = 2s
            rule.cpu.cooldown = 2s
            rule.cpu.restore-after = 3s
            rule.cpu.actions = reduce-parallelism(workload:idle), reduce-parallelism(workload:busy)
            """;
    private static final int EPISODES = 8;

    /** What happened: the first action of each episode and every decision, in order. */
    private record Run(List<String> firstTargets, List<String> decisions, List<EffectivenessRow> learned) {
    }

    @Test
    void movesAwayFromTheActionThatDoesNotHelp() throws Exception {
        Run run = episodes(1);

        assertThat(run.firstTargets().get(0)).isEqualTo("workload:idle");
        assertThat(run.decisions().subList(0, 3)).containsExactly(
                "cpu reduce-parallelism workload:idle INEFFECTIVE",
                "undo reduce-parallelism workload:idle UNDONE",
                "cpu reduce-parallelism workload:busy EFFECTIVE");
        long idleFirstLater = run.firstTargets().subList(1, EPISODES).stream()
                .filter("workload:idle"::equals).count();
        assertThat(idleFirstLater).as("episodes after the first that still began with the idle program "
                + "(only when exploring, 10%%): %s", run.firstTargets()).isLessThanOrEqualTo(2);

        EffectivenessRow idle = row(run, "workload:idle");
        EffectivenessRow busy = row(run, "workload:busy");
        assertThat(idle.successes()).isZero();
        assertThat(idle.score()).isLessThan(0.5);
        assertThat(busy.attempts()).isEqualTo(EPISODES);
        assertThat(busy.successes()).isEqualTo(EPISODES);
        assertThat(busy.score()).isGreaterThan(0.85);
    }

    @Test
    void theSameSeedMakesTheSameDecisions() throws Exception {
        assertThat(episodes(7).decisions()).isEqualTo(episodes(7).decisions());
    }

    private Run episodes(long seed) throws Exception {
        AtomicInteger otherLoad = new AtomicInteger();
        try (EngineHarness h = new EngineHarness(RULES, PolicyMode.ENFORCE, seed,
                OptionChooser.DEFAULT_EXPLORATION, List.of())) {
            TestWorkload idle = h.workload("idle", Priority.BACKGROUND, 4);
            TestWorkload busy = h.workload("busy", Priority.BACKGROUND, 4);
            h.metric(MetricNames.SYSTEM_CPU_PERCENT, () -> otherLoad.get() + 10 * runningThreads(busy));
            List<String> firstTargets = new ArrayList<>();
            for (int e = 0; e < EPISODES; e++) {
                int before = h.decisions().size();
                otherLoad.set(50); // 50 + 10 * 4 = 90 > 80
                h.run(8);
                assertThat(busy.getParallelism()).as("episode %d relieved", e).isEqualTo(2);
                assertThat(idle.getParallelism()).as("episode %d leaves idle as it was", e).isEqualTo(4);
                firstTargets.add(h.decisions().get(before).target());
                otherLoad.set(0);
                h.run(10);
                assertThat(busy.getParallelism()).as("episode %d restored", e).isEqualTo(4);
            }
            List<String> decisions = h.decisions().stream()
                    .map(d -> d.rule() + " " + d.action() + " " + d.target() + " " + d.outcome()).toList();
            return new Run(firstTargets, decisions, h.engine.view().effectiveness());
        }
    }

    private static EffectivenessRow row(Run run, String target) {
        return run.learned().stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unused")
    private static String describe(PolicyDecision d) {
        return d.id() + " " + d.rule() + " " + d.target() + " " + d.outcome();
    }
}

package dev.memtrack.agent.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.policy.act.ActionOption;
import dev.memtrack.agent.policy.act.Target;
import dev.memtrack.agent.policy.rules.ActionVerb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionChooserTest {

    private static ActionOption option(ActionVerb verb, String program, int tier, double contribution) {
        return new ActionOption(verb, Target.workload(program), tier, contribution, "", "");
    }

    private static final ActionOption BATCH = option(ActionVerb.REDUCE_PARALLELISM, "batch", 0, 50);
    private static final ActionOption INDEX = option(ActionVerb.REDUCE_PARALLELISM, "index", 0, 80);
    private static final ActionOption REPORTS = option(ActionVerb.REDUCE_PARALLELISM, "reports", 1, 300);
    private static final ActionOption PAUSE_BATCH = option(ActionVerb.PAUSE, "batch", 0, 50);

    @Test
    void trustedOptionsGoInCandidateOrderThenTierThenScoreThenContribution() {
        OptionChooser chooser = new OptionChooser(1, 0);
        List<List<ActionOption>> candidates = List.of(List.of(BATCH, INDEX, REPORTS), List.of(PAUSE_BATCH));

        assertThat(chooser.order(candidates, o -> 0.5)).containsExactly(INDEX, BATCH, REPORTS, PAUSE_BATCH);
        assertThat(chooser.order(candidates, o -> o == BATCH ? 0.75 : 0.5))
                .containsExactly(BATCH, INDEX, REPORTS, PAUSE_BATCH);
    }

    @Test
    void distrustedOptionsAreLeftOutUnlessExploring() {
        Map<ActionOption, Double> scores = Map.of(INDEX, 1.0 / 3, BATCH, 0.5, REPORTS, 0.5, PAUSE_BATCH, 0.5);
        List<List<ActionOption>> candidates = List.of(List.of(BATCH, INDEX, REPORTS), List.of(PAUSE_BATCH));

        assertThat(new OptionChooser(1, 0).order(candidates, scores::get))
                .containsExactly(BATCH, REPORTS, PAUSE_BATCH);
        assertThat(new OptionChooser(1, 1).order(candidates, scores::get))
                .containsExactly(INDEX, BATCH, REPORTS, PAUSE_BATCH);
        assertThat(new OptionChooser(1, 0).order(List.of(List.of(INDEX)), scores::get)).isEmpty();
    }

    @Test
    void exactTiesAreBrokenBySeededDrawsTheSameWayEveryRun() {
        List<ActionOption> same = List.of(option(ActionVerb.PAUSE, "a", 0, 0), option(ActionVerb.PAUSE, "b", 0, 0),
                option(ActionVerb.PAUSE, "c", 0, 0), option(ActionVerb.PAUSE, "d", 0, 0));

        List<ActionOption> first = new OptionChooser(42, 0).order(List.of(same), o -> 0.5);
        List<ActionOption> again = new OptionChooser(42, 0).order(List.of(same), o -> 0.5);

        assertThat(first).isEqualTo(again).containsExactlyInAnyOrderElementsOf(same);
    }
}

package dev.memtrack.simulator.paging;

import java.util.ArrayList;
import java.util.List;

/** Batch runs over a whole reference string: one algorithm, all algorithms, or a fault curve. */
public final class PagingRuns {

    private PagingRuns() {
    }

    /** Runs {@code config}'s algorithm over every reference of the string. */
    public static PagingRun run(PagingConfig config, ReferenceString references) {
        PagingSimulator simulator = PagingSimulator.replaying(config, references);
        for (int i = 0, n = references.length(); i < n; i++) {
            simulator.reference(references.processAt(i), references.pageAt(i));
        }
        return new PagingRun(config.algorithm(), config.frames(), simulator.statistics(),
                simulator.statisticsByProcess());
    }

    /** Runs every algorithm with the template's other settings, in {@link ReplacementAlgorithm} order. */
    public static List<PagingRun> compare(PagingConfig template, ReferenceString references) {
        List<PagingRun> runs = new ArrayList<>();
        for (ReplacementAlgorithm algorithm : ReplacementAlgorithm.values()) {
            runs.add(run(template.withAlgorithm(algorithm), references));
        }
        return List.copyOf(runs);
    }

    /**
     * Faults for each frame count from the smallest the configuration allows (1, or one per process
     * under LOCAL replacement) to {@code maxFrames}. FIFO's curve may rise (Belady's anomaly); LRU's
     * and OPT's never do.
     */
    public static List<FaultCount> faultCurve(PagingConfig config, int maxFrames, ReferenceString references) {
        int minFrames = config.scope() == ReplacementScope.LOCAL ? references.processNames().size() : 1;
        if (maxFrames < minFrames) {
            throw new IllegalArgumentException("maxFrames must be at least " + minFrames + ", was " + maxFrames);
        }
        List<FaultCount> curve = new ArrayList<>();
        for (int frames = minFrames; frames <= maxFrames; frames++) {
            curve.add(new FaultCount(frames, run(config.withFrames(frames), references).faults()));
        }
        return List.copyOf(curve);
    }
}

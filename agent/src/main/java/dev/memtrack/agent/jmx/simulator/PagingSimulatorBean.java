package dev.memtrack.agent.jmx.simulator;

import dev.memtrack.mbeans.AccessOutcome;
import dev.memtrack.mbeans.FaultCurvePoint;
import dev.memtrack.mbeans.FrameRow;
import dev.memtrack.mbeans.PagingResult;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PagingStatistics;
import dev.memtrack.simulator.paging.AccessResult;
import dev.memtrack.simulator.paging.FaultCount;
import dev.memtrack.simulator.paging.FaultStatistics;
import dev.memtrack.simulator.paging.FrameState;
import dev.memtrack.simulator.paging.PagingConfig;
import dev.memtrack.simulator.paging.PagingRun;
import dev.memtrack.simulator.paging.PagingRuns;
import dev.memtrack.simulator.paging.PagingSimulator;
import dev.memtrack.simulator.paging.ReferenceString;
import dev.memtrack.simulator.paging.ReplacementAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.openmbean.TabularData;

/**
 * {@code memtrack:type=Simulator,name=Paging}: the paging simulator of the library behind the MBean
 * contract. Batch operations ({@code simulate}, {@code compare}, {@code faultCurve}) work on their own
 * simulators and may run concurrently; the step-wise session is one simulator guarded by this
 * object's lock, and its attributes are copies taken under that lock.
 *
 * <p>Work per call is bounded: at most {@link #MAX_FRAMES} frames, {@link #MAX_REFERENCES} references,
 * and for a fault curve, which runs the algorithm once per frame count, at most
 * {@link #MAX_CURVE_STEPS} references simulated in all (maxFrames × references).
 *
 * <p>The session starts as {@value #DEFAULT_ALGORITHM_NAME} with {@value #DEFAULT_FRAMES} frames, so
 * its attributes are readable before the first {@code reset}.
 */
public final class PagingSimulatorBean implements PagingSimulatorMXBean {

    /** Largest maxFrames × references of one {@code faultCurve} call. */
    public static final long MAX_CURVE_STEPS = 10_000_000L;

    static final String DEFAULT_ALGORITHM_NAME = "LRU";
    static final int DEFAULT_FRAMES = 3;

    private static final String STEPWISE_ALGORITHMS = Arrays.stream(ReplacementAlgorithm.values())
            .filter(a -> !a.needsFuture()).map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("");

    private PagingSimulator session = PagingSimulator.open(
            PagingConfig.of(ReplacementAlgorithm.valueOf(DEFAULT_ALGORITHM_NAME), DEFAULT_FRAMES));

    @Override
    public String[] getAlgorithms() {
        return Arrays.stream(ReplacementAlgorithm.values()).map(Enum::name).toArray(String[]::new);
    }

    @Override
    public long simulate(String algorithm, int frames, String references) {
        PagingConfig config = PagingConfig.of(algorithm(algorithm), frames(frames, "frames"));
        return PagingRuns.run(config, ReferenceStringArgument.parse(references)).faults();
    }

    @Override
    public TabularData compare(int frames, String references) {
        PagingConfig template = PagingConfig.of(ReplacementAlgorithm.FIFO, frames(frames, "frames"));
        ReferenceString refs = ReferenceStringArgument.parse(references);
        List<PagingResult> rows = new ArrayList<>();
        for (PagingRun run : PagingRuns.compare(template, refs)) {
            FaultStatistics total = run.total();
            rows.add(new PagingResult(run.algorithm().name(), run.frames(), total.references(), total.faults(),
                    total.hits(), total.hitRatio(), total.evictions()));
        }
        return RESULT_TABLE.toTabularData(rows);
    }

    @Override
    public TabularData faultCurve(String algorithm, int maxFrames, String references) {
        ReplacementAlgorithm chosen = algorithm(algorithm);
        int largest = frames(maxFrames, "maxFrames");
        ReferenceString refs = ReferenceStringArgument.parse(references);
        long steps = (long) largest * refs.length();
        if (steps > MAX_CURVE_STEPS) {
            throw new IllegalArgumentException("faultCurve of maxFrames " + largest + " over " + refs.length()
                    + " references would simulate " + steps + " references (one run per frame count): at most "
                    + MAX_CURVE_STEPS + " are accepted; lower maxFrames or shorten the string");
        }
        List<FaultCurvePoint> rows = new ArrayList<>();
        for (FaultCount point : PagingRuns.faultCurve(PagingConfig.of(chosen, 1), largest, refs)) {
            rows.add(new FaultCurvePoint(point.frames(), point.faults()));
        }
        return CURVE_TABLE.toTabularData(rows);
    }

    @Override
    public void reset(String algorithm, int frames) {
        ReplacementAlgorithm chosen = algorithm(algorithm);
        if (chosen.needsFuture()) {
            throw new IllegalArgumentException("algorithm " + chosen + " needs the whole reference string in advance, "
                    + "so a step-wise session cannot use it: use simulate, compare or faultCurve for " + chosen
                    + "; reset accepts " + STEPWISE_ALGORITHMS);
        }
        PagingSimulator fresh = PagingSimulator.open(PagingConfig.of(chosen, frames(frames, "frames")));
        synchronized (this) {
            session = fresh;
        }
    }

    @Override
    public AccessOutcome access(int page) {
        Arguments.inRange(page, "page", 0, Integer.MAX_VALUE);
        AccessResult r;
        synchronized (this) {
            r = session.access(page);
        }
        return new AccessOutcome(r.step(), r.page(), r.hit(), r.frame(), r.evictedPage());
    }

    @Override
    public synchronized String getAlgorithm() {
        return session.config().algorithm().name();
    }

    @Override
    public synchronized int getFrames() {
        return session.config().frames();
    }

    @Override
    public TabularData getFrameTable() {
        List<FrameState> frames;
        synchronized (this) {
            frames = session.frameTable().frames();
        }
        List<FrameRow> rows = new ArrayList<>(frames.size());
        for (FrameState f : frames) {
            rows.add(new FrameRow(f.frame(), f.occupied(), f.process() == null ? "" : f.process(), f.page(),
                    f.loadedAtStep(), f.lastAccessStep(), f.accessCount(), f.referenceBit()));
        }
        return FRAME_TABLE.toTabularData(rows);
    }

    @Override
    public PagingStatistics getStatistics() {
        FaultStatistics s;
        synchronized (this) {
            s = session.statistics();
        }
        return new PagingStatistics(s.references(), s.faults(), s.hits(), s.hitRatio(), s.evictions());
    }

    private static ReplacementAlgorithm algorithm(String name) {
        return Arguments.choice(ReplacementAlgorithm.class, "algorithm", name);
    }

    private static int frames(int frames, String what) {
        return Arguments.inRange(frames, what, 1, MAX_FRAMES);
    }
}

package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** One suite run over every replacement algorithm, plus the properties that relate them. */
class ReplacementAlgorithmsTest {

    /** Fixed so that a red build replays the same examples (QuickTheories prints the seed on failure). */
    private static final long SEED = 0x9A6E_2024L;

    private static final int[] TEXTBOOK = {7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1};

    @ParameterizedTest
    @EnumSource(ReplacementAlgorithm.class)
    void onlyCompulsoryFaultsWhenEveryPageFits(ReplacementAlgorithm algorithm) {
        // Six distinct pages: 0, 1, 2, 3, 4, 7.
        assertThat(PagingRuns.run(PagingConfig.of(algorithm, 6), ReferenceString.of(TEXTBOOK)).faults()).isEqualTo(6);
        assertThat(PagingRuns.run(PagingConfig.of(algorithm, 9), ReferenceString.of(TEXTBOOK)).faults()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(ReplacementAlgorithm.class)
    void countersAddUpAndEvictionsFollowFaults(ReplacementAlgorithm algorithm) {
        PagingRun run = PagingRuns.run(PagingConfig.of(algorithm, 3), ReferenceString.of(TEXTBOOK));

        FaultStatistics total = run.total();
        assertThat(total.references()).isEqualTo(20);
        assertThat(total.hits() + total.faults()).isEqualTo(20);
        assertThat(total.faults()).isBetween(6L, 20L);  // at least one fault per distinct page
        assertThat(total.evictions()).isEqualTo(total.faults() - 3);
        assertThat(total.hitRatio()).isEqualTo(total.hits() / 20.0);
        assertThat(run.byProcess()).containsOnlyKeys(ReferenceString.DEFAULT_PROCESS);
    }

    @ParameterizedTest
    @EnumSource(ReplacementAlgorithm.class)
    void oneFrameFaultsOnEveryChangeOfPage(ReplacementAlgorithm algorithm) {
        PagingRun run = PagingRuns.run(PagingConfig.of(algorithm, 1), ReferenceString.of(1, 1, 2, 2, 2, 1, 3, 3));

        assertThat(run.faults()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(ReplacementAlgorithm.class)
    void frameTableHoldsDistinctResidentPagesAndTheLastAccess(ReplacementAlgorithm algorithm) {
        ReferenceString refs = ReferenceString.of(TEXTBOOK);
        PagingSimulator simulator = PagingSimulator.replaying(PagingConfig.of(algorithm, 4), refs);
        for (int i = 0; i < refs.length(); i++) {
            AccessResult result = simulator.access(refs.pageAt(i));
            FrameTableSnapshot table = simulator.frameTable();

            assertThat(result.step()).isEqualTo(i + 1);
            assertThat(table.step()).isEqualTo(i + 1);
            assertThat(table.frames()).hasSize(4);
            FrameState holder = table.frames().get(result.frame());
            assertThat(holder.page()).isEqualTo(refs.pageAt(i));
            assertThat(holder.lastAccessStep()).isEqualTo(i + 1);
            assertThat(holder.accessCount()).isPositive();
            List<Integer> resident = table.frames().stream().filter(FrameState::occupied)
                    .map(FrameState::page).collect(Collectors.toList());
            assertThat(resident).doesNotHaveDuplicates().hasSize((int) Math.min(4, distinct(refs, i + 1)));
            if (result.evicted()) {
                assertThat(resident).doesNotContain(result.evictedPage());
                assertThat(result.evictedProcess()).isEqualTo(ReferenceString.DEFAULT_PROCESS);
            }
        }
    }

    /**
     * Every algorithm replays every example: the seed is fixed, so an algorithm drawn at random per
     * example would see a sixth of them, the same ones on every build.
     */
    @Test
    void matchesTheTextbookListImplementation() {
        qt().withFixedSeed(SEED).withExamples(150)
                .forAll(referenceStrings(), frames())
                .checkAssert((refs, frames) -> {
                    for (ReplacementAlgorithm algorithm : ReplacementAlgorithm.values()) {
                        matchesTheTextbookListImplementation(algorithm, refs, frames);
                    }
                });
    }

    private static void matchesTheTextbookListImplementation(ReplacementAlgorithm algorithm, int[] refs, int frames) {
        PagingSimulator simulator = PagingSimulator.replaying(PagingConfig.of(algorithm, frames), ReferenceString.of(refs));
        int[] expected = NaiveReplacement.run(algorithm, frames, refs, PagingConfig.DEFAULT_SEED);

        for (int t = 0; t < refs.length; t++) {
            AccessResult result = simulator.access(refs[t]);
            int outcome = result.hit() ? NaiveReplacement.HIT : result.evictedPage();
            assertThat(outcome).as("%s, %d frames, reference %d of %s", algorithm, frames, t + 1,
                    ReferenceString.of(refs)).isEqualTo(expected[t]);
        }
    }

    @Test
    void optNeverFaultsMoreThanAnyOtherAlgorithm() {
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(referenceStrings(), frames())
                .checkAssert((refs, frames) -> {
                    ReferenceString string = ReferenceString.of(refs);
                    List<PagingRun> runs = PagingRuns.compare(PagingConfig.of(ReplacementAlgorithm.OPT, frames), string);
                    long opt = runs.stream().filter(r -> r.algorithm() == ReplacementAlgorithm.OPT).findFirst()
                            .orElseThrow().faults();

                    assertThat(runs).allSatisfy(run -> assertThat(run.faults()).isGreaterThanOrEqualTo(opt));
                });
    }

    @Test
    void lruAndOptFaultsNeverRiseWithMoreFrames() {
        qt().withFixedSeed(SEED).withExamples(100)
                .forAll(referenceStrings())
                .checkAssert(refs -> {
                    for (ReplacementAlgorithm algorithm : List.of(ReplacementAlgorithm.LRU, ReplacementAlgorithm.OPT)) {
                        List<FaultCount> curve = PagingRuns.faultCurve(PagingConfig.of(algorithm, 1), 8,
                                ReferenceString.of(refs));

                        for (int i = 1; i < curve.size(); i++) {
                            assertThat(curve.get(i).faults()).as("%s with %d frames", algorithm, curve.get(i).frames())
                                    .isLessThanOrEqualTo(curve.get(i - 1).faults());
                        }
                    }
                });
    }

    @Test
    void optIsOptimalWithSeveralProcessesSharingFrames() {
        qt().withFixedSeed(SEED).withExamples(100)
                .forAll(multiProcessStrings(), frames())
                .checkAssert((refs, frames) -> {
                    List<PagingRun> runs = PagingRuns.compare(PagingConfig.of(ReplacementAlgorithm.OPT, frames), refs);
                    long opt = runs.get(ReplacementAlgorithm.OPT.ordinal()).faults();

                    assertThat(runs).allSatisfy(run -> assertThat(run.faults()).isGreaterThanOrEqualTo(opt));
                });
    }

    private static Gen<Integer> frames() {
        return integers().between(1, 6);
    }

    /** 1 to 60 references to pages 0 to 9. */
    private static Gen<int[]> referenceStrings() {
        return Generate.intArrays(integers().between(1, 60), integers().between(0, 9));
    }

    /** 1 to 50 references of processes A, B and C to their pages 0 to 5. */
    private static Gen<ReferenceString> multiProcessStrings() {
        Gen<PageRef> ref = arbitrary().pick("A", "B", "C").zip(integers().between(0, 5), PageRef::new);
        return lists().of(ref).ofSizeBetween(1, 50).map(list -> {
            ReferenceString.Builder builder = ReferenceString.builder();
            list.forEach(r -> builder.add(r.process(), r.page()));
            return builder.build();
        }).describedAs(ReferenceString::toString);
    }

    private record PageRef(String process, int page) {
    }

    private static long distinct(ReferenceString refs, int prefix) {
        Set<Integer> pages = new HashSet<>();
        for (int i = 0; i < prefix; i++) {
            pages.add(refs.pageAt(i));
        }
        return pages.size();
    }
}

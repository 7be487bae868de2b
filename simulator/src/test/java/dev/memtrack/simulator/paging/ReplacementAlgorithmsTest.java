package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One suite run over every replacement algorithm, plus the properties that relate them. */
class ReplacementAlgorithmsTest {

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

    @Property(tries = 150)
    void matchesTheTextbookListImplementation(@ForAll("algorithms") ReplacementAlgorithm algorithm,
                                              @ForAll("referenceStrings") int[] refs,
                                              @ForAll @IntRange(min = 1, max = 6) int frames) {
        PagingSimulator simulator = PagingSimulator.replaying(PagingConfig.of(algorithm, frames), ReferenceString.of(refs));
        int[] expected = NaiveReplacement.run(algorithm, frames, refs, PagingConfig.DEFAULT_SEED);

        for (int t = 0; t < refs.length; t++) {
            AccessResult result = simulator.access(refs[t]);
            int outcome = result.hit() ? NaiveReplacement.HIT : result.evictedPage();
            assertThat(outcome).as("%s, %d frames, reference %d of %s", algorithm, frames, t + 1,
                    ReferenceString.of(refs)).isEqualTo(expected[t]);
        }
    }

    @Property(tries = 200)
    void optNeverFaultsMoreThanAnyOtherAlgorithm(@ForAll("referenceStrings") int[] refs,
                                                 @ForAll @IntRange(min = 1, max = 6) int frames) {
        ReferenceString string = ReferenceString.of(refs);
        List<PagingRun> runs = PagingRuns.compare(PagingConfig.of(ReplacementAlgorithm.OPT, frames), string);
        long opt = runs.stream().filter(r -> r.algorithm() == ReplacementAlgorithm.OPT).findFirst().orElseThrow().faults();

        assertThat(runs).allSatisfy(run -> assertThat(run.faults()).isGreaterThanOrEqualTo(opt));
    }

    @Property(tries = 100)
    void lruAndOptFaultsNeverRiseWithMoreFrames(@ForAll("stackAlgorithms") ReplacementAlgorithm algorithm,
                                                @ForAll("referenceStrings") int[] refs) {
        List<FaultCount> curve = PagingRuns.faultCurve(PagingConfig.of(algorithm, 1), 8, ReferenceString.of(refs));

        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).faults()).isLessThanOrEqualTo(curve.get(i - 1).faults());
        }
    }

    @Property(tries = 100)
    void optIsOptimalWithSeveralProcessesSharingFrames(@ForAll("multiProcessStrings") ReferenceString refs,
                                                       @ForAll @IntRange(min = 1, max = 6) int frames) {
        List<PagingRun> runs = PagingRuns.compare(PagingConfig.of(ReplacementAlgorithm.OPT, frames), refs);
        long opt = runs.get(ReplacementAlgorithm.OPT.ordinal()).faults();

        assertThat(runs).allSatisfy(run -> assertThat(run.faults()).isGreaterThanOrEqualTo(opt));
    }

    @Provide
    Arbitrary<ReplacementAlgorithm> algorithms() {
        return Arbitraries.of(ReplacementAlgorithm.class);
    }

    @Provide
    Arbitrary<ReplacementAlgorithm> stackAlgorithms() {
        return Arbitraries.of(ReplacementAlgorithm.LRU, ReplacementAlgorithm.OPT);
    }

    @Provide
    Arbitrary<int[]> referenceStrings() {
        return Arbitraries.integers().between(0, 9).array(int[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<ReferenceString> multiProcessStrings() {
        Arbitrary<String> process = Arbitraries.of("A", "B", "C");
        Arbitrary<Integer> page = Arbitraries.integers().between(0, 5);
        return net.jqwik.api.Combinators.combine(process, page).as(PageRef::new).list().ofMinSize(1).ofMaxSize(50)
                .map(list -> {
                    ReferenceString.Builder builder = ReferenceString.builder();
                    list.forEach(ref -> builder.add(ref.process(), ref.page()));
                    return builder.build();
                });
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

package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Results worked out by hand (and in textbooks) for the classic reference strings. */
class TextbookPagingTest {

    private static final ReferenceString SILBERSCHATZ =
            ReferenceString.parse("7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1");
    private static final ReferenceString BELADY = ReferenceString.parse("1,2,3,4,1,2,5,1,2,3,4,5");

    @Test
    void classicStringWithThreeFrames() {
        List<PagingRun> runs = PagingRuns.compare(PagingConfig.of(ReplacementAlgorithm.FIFO, 3), SILBERSCHATZ);

        assertThat(runs).extracting(PagingRun::algorithm, PagingRun::faults).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReplacementAlgorithm.FIFO, 15L),
                org.assertj.core.groups.Tuple.tuple(ReplacementAlgorithm.LRU, 12L),
                org.assertj.core.groups.Tuple.tuple(ReplacementAlgorithm.OPT, 9L),
                // Traced by hand: second chance, bit set on load, hand moves past the victim.
                org.assertj.core.groups.Tuple.tuple(ReplacementAlgorithm.CLOCK, 14L),
                // Traced by hand: count since load, ties to the least recently used.
                org.assertj.core.groups.Tuple.tuple(ReplacementAlgorithm.LFU, 11L),
                org.assertj.core.groups.Tuple.tuple(ReplacementAlgorithm.RANDOM,
                        PagingRuns.run(PagingConfig.of(ReplacementAlgorithm.RANDOM, 3), SILBERSCHATZ).faults()));
    }

    @Test
    void fifoShowsBeladysAnomaly() {
        List<FaultCount> curve = PagingRuns.faultCurve(PagingConfig.of(ReplacementAlgorithm.FIFO, 1), 5, BELADY);

        assertThat(curve).containsExactly(new FaultCount(1, 12), new FaultCount(2, 12), new FaultCount(3, 9),
                new FaultCount(4, 10), new FaultCount(5, 5));
    }

    @Test
    void lruHasNoAnomalyOnBeladysString() {
        List<FaultCount> curve = PagingRuns.faultCurve(PagingConfig.of(ReplacementAlgorithm.LRU, 1), 5, BELADY);

        assertThat(curve).extracting(FaultCount::faults).containsExactly(12L, 12L, 10L, 8L, 5L);
    }

    @Test
    void stepwiseLruTellsWhatWasEvicted() {
        PagingSimulator lru = PagingSimulator.open(PagingConfig.of(ReplacementAlgorithm.LRU, 3));

        assertThat(List.of(lru.access(7), lru.access(0), lru.access(1), lru.access(7), lru.access(2)))
                .extracting(AccessResult::hit, AccessResult::frame, AccessResult::evictedPage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, 0, -1),
                        org.assertj.core.groups.Tuple.tuple(false, 1, -1),
                        org.assertj.core.groups.Tuple.tuple(false, 2, -1),
                        org.assertj.core.groups.Tuple.tuple(true, 0, -1),
                        org.assertj.core.groups.Tuple.tuple(false, 1, 0));
        assertThat(lru.statistics()).isEqualTo(new FaultStatistics(5, 4, 1));
        assertThat(lru.frameTable().frames()).extracting(FrameState::page).containsExactly(7, 2, 1);
    }

    @Test
    void clockFrameTableShowsReferenceBits() {
        PagingSimulator clock = PagingSimulator.open(PagingConfig.of(ReplacementAlgorithm.CLOCK, 2));
        clock.access(1);
        clock.access(2);
        clock.access(3);  // sweeps both bits off, evicts 1; 3 gets its bit

        assertThat(clock.frameTable().frames()).extracting(FrameState::page, FrameState::referenceBit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, true),
                        org.assertj.core.groups.Tuple.tuple(2, false));
    }

    @Test
    void globalReplacementLetsOneProcessEvictAnothersPages() {
        ReferenceString refs = ReferenceString.parse("A:1,B:1,A:2,A:3,B:1");

        PagingRun run = PagingRuns.run(PagingConfig.of(ReplacementAlgorithm.LRU, 2), refs);

        assertThat(run.total()).isEqualTo(new FaultStatistics(5, 5, 3));
        assertThat(run.byProcess().get("A")).isEqualTo(new FaultStatistics(3, 3, 2));
        assertThat(run.byProcess().get("B")).isEqualTo(new FaultStatistics(2, 2, 1));
    }

    @Test
    void localReplacementKeepsEachProcessInItsQuota() {
        ReferenceString refs = ReferenceString.parse("A:1,B:1,A:2,A:3,B:1");
        PagingConfig local = PagingConfig.of(ReplacementAlgorithm.LRU, 2)
                .withScope(ReplacementScope.LOCAL, FrameAllocation.EQUAL);

        PagingRun run = PagingRuns.run(local, refs);

        assertThat(run.total()).isEqualTo(new FaultStatistics(5, 4, 2));
        assertThat(run.byProcess().get("A")).isEqualTo(new FaultStatistics(3, 3, 2));
        assertThat(run.byProcess().get("B")).isEqualTo(new FaultStatistics(2, 1, 0));
    }

    @Test
    void localFrameTableShowsEachProcessesFrames() {
        // A references 4 distinct pages, B 1: proportional gives A 4 of 5 frames.
        ReferenceString refs = ReferenceString.parse("A:1 A:2 A:3 A:4 B:9");
        PagingConfig proportional = PagingConfig.of(ReplacementAlgorithm.FIFO, 5)
                .withScope(ReplacementScope.LOCAL, FrameAllocation.PROPORTIONAL);
        PagingSimulator simulator = PagingSimulator.replaying(proportional, refs);
        for (int i = 0; i < refs.length(); i++) {
            simulator.access(refs.processNames().get(refs.processAt(i)), refs.pageAt(i));
        }

        assertThat(simulator.frameTable().frames()).extracting(FrameState::owner, FrameState::process, FrameState::page)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "A", 1),
                        org.assertj.core.groups.Tuple.tuple("A", "A", 2),
                        org.assertj.core.groups.Tuple.tuple("A", "A", 3),
                        org.assertj.core.groups.Tuple.tuple("A", "A", 4),
                        org.assertj.core.groups.Tuple.tuple("B", "B", 9));
    }

    @Test
    void localReplacementNeedsAFramePerProcess() {
        PagingConfig local = PagingConfig.of(ReplacementAlgorithm.LRU, 2)
                .withScope(ReplacementScope.LOCAL, FrameAllocation.EQUAL);

        assertThatThrownBy(() -> PagingRuns.run(local, ReferenceString.parse("A:1,B:1,C:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LOCAL replacement needs at least one frame per process: 2 frames for 3 processes");
        assertThatThrownBy(() -> PagingSimulator.open(local))
                .hasMessage("LOCAL replacement needs the processes declared in advance");
    }

    @Test
    void openLocalSessionRefusesUndeclaredProcesses() {
        PagingConfig local = PagingConfig.of(ReplacementAlgorithm.LRU, 4)
                .withScope(ReplacementScope.LOCAL, FrameAllocation.PROPORTIONAL);
        PagingSimulator simulator = PagingSimulator.open(local,
                List.of(new ProcessSpec("A", 30), new ProcessSpec("B", 10)));

        assertThat(simulator.access("A", 1).hit()).isFalse();
        assertThatThrownBy(() -> simulator.access("C", 1)).hasMessage("unknown process 'C': this session knows [A, B]");
        assertThat(simulator.frameTable().frames()).extracting(FrameState::owner).containsExactly("A", "A", "A", "B");
    }

    @Test
    void optNeedsTheFutureAndFollowsIt() {
        assertThatThrownBy(() -> PagingSimulator.open(PagingConfig.of(ReplacementAlgorithm.OPT, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OPT needs the whole reference string");

        PagingSimulator opt = PagingSimulator.replaying(PagingConfig.of(ReplacementAlgorithm.OPT, 3),
                ReferenceString.parse("1 2"));
        opt.access(1);
        assertThatThrownBy(() -> opt.access(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("reference 2 of this session is P:2, not P:3");
        opt.access(2);
        assertThatThrownBy(() -> opt.access(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the reference string of this session has ended after 2 references");
    }

    @Test
    void stepwiseRejectsBadPagesAndProcesses() {
        PagingSimulator fifo = PagingSimulator.open(PagingConfig.of(ReplacementAlgorithm.FIFO, 3));

        assertThatThrownBy(() -> fifo.access(-1)).hasMessage("page -1 is not accepted: pages are >= 0");
        assertThatThrownBy(() -> fifo.access("a b", 1)).hasMessageStartingWith("process name 'a b' is not accepted");
        assertThat(fifo.statistics()).isEqualTo(FaultStatistics.EMPTY);
        assertThat(fifo.statistics("nobody")).isEqualTo(FaultStatistics.EMPTY);
    }

    @Test
    void configRejectsBadFrameCounts() {
        assertThatThrownBy(() -> PagingConfig.of(ReplacementAlgorithm.LRU, 0))
                .hasMessage("frames must be 1 to 16777216, was 0");
        assertThatThrownBy(() -> ReplacementAlgorithm.parse("MRU"))
                .hasMessage("unknown algorithm 'MRU': accepted FIFO, LRU, OPT, CLOCK, LFU, RANDOM");
        assertThat(ReplacementAlgorithm.parse(" lru ")).isEqualTo(ReplacementAlgorithm.LRU);
    }
}

package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class FrameAllocationTest {

    @Test
    void equalGivesTheRemainderToTheFirstProcesses() {
        assertThat(FrameAllocation.EQUAL.quotas(10, new long[] {1, 100, 5})).containsExactly(4, 3, 3);
    }

    @Test
    void proportionalFollowsSizesWithLargestRemainders() {
        // Silberschatz: 62 frames, processes of 10 and 127 pages -> 4.53 and 57.47.
        assertThat(FrameAllocation.PROPORTIONAL.quotas(62, new long[] {10, 127})).containsExactly(5, 57);
    }

    @Test
    void proportionalGivesEveryProcessAFrame() {
        assertThat(FrameAllocation.PROPORTIONAL.quotas(3, new long[] {1, 1000, 1000})).containsExactly(1, 1, 1);
    }

    @Test
    void refusesFewerFramesThanProcesses() {
        assertThatThrownBy(() -> FrameAllocation.EQUAL.quotas(1, new long[] {1, 1}))
                .hasMessage("LOCAL replacement needs at least one frame per process: 1 frames for 2 processes");
    }

    @Test
    void quotasAreAtLeastOneAndSumToTheFrames() {
        qt().withFixedSeed(0xF4A3_2024L).withExamples(300)
                .forAll(processSizes(), integers().between(0, 200))
                .checkAssert((sizes, extra) -> {
                    int frames = sizes.length + extra;
                    for (FrameAllocation allocation : FrameAllocation.values()) {
                        int[] quotas = allocation.quotas(frames, sizes);

                        assertThat(Arrays.stream(quotas).sum()).isEqualTo(frames);
                        assertThat(Arrays.stream(quotas).min().orElseThrow()).isPositive();
                    }
                });
    }

    /** 1 to 8 processes of 1 to 1000 pages each. */
    private static Gen<long[]> processSizes() {
        return lists().of(longs().between(1, 1000)).ofSizeBetween(1, 8)
                .map(list -> list.stream().mapToLong(Long::longValue).toArray())
                .describedAs(Arrays::toString);
    }
}

package dev.memtrack.simulator.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

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

    @Property(tries = 300)
    void quotasAreAtLeastOneAndSumToTheFrames(@ForAll @Size(min = 1, max = 8) long @LongRange(min = 1, max = 1000) [] sizes,
                                              @ForAll @IntRange(min = 0, max = 200) int extra) {
        int frames = sizes.length + extra;
        for (FrameAllocation allocation : FrameAllocation.values()) {
            int[] quotas = allocation.quotas(frames, sizes);

            assertThat(Arrays.stream(quotas).sum()).isEqualTo(frames);
            assertThat(Arrays.stream(quotas).min().orElseThrow()).isPositive();
        }
    }
}

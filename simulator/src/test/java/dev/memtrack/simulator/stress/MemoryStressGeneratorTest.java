package dev.memtrack.simulator.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.simulator.Await;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real allocation on a small cap; waits have generous deadlines and assert states, never durations. */
class MemoryStressGeneratorTest {

    private static final long MIB = 1024 * 1024;

    private final List<Thread> threads = new ArrayList<>();
    private final MemoryStressGenerator generator = new MemoryStressGenerator(16 * MIB, runnable -> {
        Thread thread = new Thread(runnable, "stress-under-test");
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    });

    @AfterEach
    void stop() {
        generator.stop();
    }

    @Test
    void reachesTheTargetAndHoldsIt() {
        generator.start(8 * MIB, 64 * MIB, StressPattern.STEADY);

        Await.until(() -> generator.status().phase() == StressPhase.HOLDING);
        StressSnapshot status = generator.status();
        assertThat(status.running()).isTrue();
        assertThat(status.retainedBytes()).isEqualTo(8 * MIB);
        assertThat(status.allocatedBytes()).isEqualTo(8 * MIB);
        assertThat(status.pattern()).isEqualTo(StressPattern.STEADY);
        assertThat(status.capBytes()).isEqualTo(16 * MIB);
        assertThat(threads).hasSize(1).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }

    @Test
    void stopReleasesEverythingAndEndsTheThread() {
        generator.start(8 * MIB, 64 * MIB, StressPattern.STEADY);
        Await.until(() -> generator.retainedBytes() > 0);

        generator.stop();

        assertThat(generator.retainedBytes()).isZero();
        assertThat(generator.isRunning()).isFalse();
        assertThat(generator.status().phase()).isEqualTo(StressPhase.IDLE);
        assertThat(threads.get(0).isAlive()).isFalse();
        assertThat(generator.allocatedBytes()).isPositive();
    }

    @Test
    void refusesATargetAboveTheCapNamingBoth() {
        assertThatThrownBy(() -> generator.start(17 * MIB, MIB, StressPattern.RAMP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target 17 MiB (17825792 bytes) exceeds the safety cap of 16 MiB (16777216 bytes); "
                        + "choose a target up to the cap");
        assertThatThrownBy(() -> generator.start(0, MIB, StressPattern.RAMP)).hasMessage("target must be > 0 bytes, was 0");
        assertThatThrownBy(() -> generator.start(MIB, -1, StressPattern.RAMP)).hasMessage("rate must be > 0 bytes/s, was -1");
        assertThat(generator.isRunning()).isFalse();
        assertThat(threads).isEmpty();
    }

    @Test
    void restartingReplacesTheRun() {
        generator.start(8 * MIB, 64 * MIB, StressPattern.STEADY);
        Await.until(() -> generator.status().phase() == StressPhase.HOLDING);

        generator.start(4 * MIB, 64 * MIB, StressPattern.SAWTOOTH);

        assertThat(threads.get(0).isAlive()).isFalse();
        assertThat(generator.status().targetBytes()).isEqualTo(4 * MIB);
        Await.until(() -> generator.status().allocatedBytes() >= 12 * MIB);
        assertThat(generator.retainedBytes()).isLessThanOrEqualTo(4 * MIB);
    }

    @Test
    void defaultCapIsHalfTheMaximumHeap() {
        assertThat(new MemoryStressGenerator().capBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 2);
        assertThat(new MemoryStressGenerator().status().pattern()).isNull();
    }

}

package dev.memtrack.simulator.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pattern stepped on a simulated clock: 10 ms ticks, 1 MiB granules. */
class StressScheduleTest {

    private static final long MIB = 1024 * 1024;
    private static final long TICK = 10_000_000L;

    /** Retained bytes and phase after each tick. */
    private record Trace(List<Long> retained, List<StressPhase> phases) {
        long retainedAt(double seconds) {
            return retained.get((int) Math.round(seconds * 100) - 1);
        }

        StressPhase phaseAt(double seconds) {
            return phases.get((int) Math.round(seconds * 100) - 1);
        }
    }

    private static Trace run(StressPattern pattern, long target, long rate, double seconds) {
        StressSchedule schedule = new StressSchedule(pattern, target, rate, MIB, 0);
        List<Long> retained = new ArrayList<>();
        List<StressPhase> phases = new ArrayList<>();
        long held = 0;
        for (long now = TICK; now <= seconds * 1e9; now += TICK) {
            StressSchedule.Action action = schedule.tick(now, held);
            if (action.releaseToBytes() >= 0) {
                held = Math.min(held, action.releaseToBytes());
            }
            held += action.allocateBytes();
            retained.add(held);
            phases.add(schedule.phase());
        }
        return new Trace(retained, phases);
    }

    @Test
    void steadyFillsAtTheRateThenHolds() {
        Trace trace = run(StressPattern.STEADY, 100 * MIB, 50 * MIB, 10);

        assertThat(trace.retainedAt(1.0)).isBetween(49 * MIB, 50 * MIB);
        assertThat(trace.phaseAt(1.0)).isEqualTo(StressPhase.FILLING);
        assertThat(trace.retainedAt(2.05)).isEqualTo(100 * MIB);
        assertThat(trace.phaseAt(2.05)).isEqualTo(StressPhase.HOLDING);
        assertThat(trace.retainedAt(10)).isEqualTo(100 * MIB);
        assertThat(trace.retained()).allSatisfy(r -> assertThat(r).isLessThanOrEqualTo(100 * MIB));
    }

    @Test
    void rampReachesHalfTheTargetAfterTAndTheTargetAfterOneAndAHalfT() {
        // T = 100 MiB / 50 MiB/s = 2 s.
        Trace trace = run(StressPattern.RAMP, 100 * MIB, 50 * MIB, 6);

        assertThat(trace.retainedAt(1.0)).isBetween(11 * MIB, 13 * MIB);   // a quarter of the ramp's area
        assertThat(trace.retainedAt(2.0)).isBetween(48 * MIB, 50 * MIB);
        assertThat(trace.phaseAt(2.9)).isEqualTo(StressPhase.FILLING);
        assertThat(trace.retainedAt(3.05)).isEqualTo(100 * MIB);
        assertThat(trace.phaseAt(6)).isEqualTo(StressPhase.HOLDING);
    }

    @Test
    void spikeFillsHoldsReleasesAllRestsAndRepeats() {
        // Fill 1 s, hold 1 s, release, rest 2 s, then the next fill.
        Trace trace = run(StressPattern.SPIKE, 50 * MIB, 50 * MIB, 6);

        assertThat(trace.phaseAt(0.5)).isEqualTo(StressPhase.FILLING);
        assertThat(trace.phaseAt(1.5)).isEqualTo(StressPhase.HOLDING);
        assertThat(trace.retainedAt(1.5)).isEqualTo(50 * MIB);
        assertThat(trace.phaseAt(3.0)).isEqualTo(StressPhase.IDLE);
        assertThat(trace.retainedAt(3.0)).isZero();
        assertThat(trace.phaseAt(4.5)).isEqualTo(StressPhase.FILLING);
        assertThat(trace.retainedAt(4.5)).isPositive();
        assertThat(trace.phases()).contains(StressPhase.RELEASING);
    }

    @Test
    void sawtoothOscillatesBetweenHalfAndTheTarget() {
        Trace trace = run(StressPattern.SAWTOOTH, 40 * MIB, 40 * MIB, 5);

        List<Long> afterFirstFill = trace.retained().subList(120, trace.retained().size());
        assertThat(afterFirstFill).allSatisfy(r -> assertThat(r).isBetween(20 * MIB, 40 * MIB));
        assertThat(afterFirstFill).contains(20 * MIB, 40 * MIB);
        assertThat(trace.phases()).doesNotContain(StressPhase.HOLDING, StressPhase.IDLE);
    }

    @Test
    void aStalledCallerGetsAtMostOneSecondOfAllocation() {
        StressSchedule schedule = new StressSchedule(StressPattern.STEADY, 1000 * MIB, 10 * MIB, MIB, 0);

        StressSchedule.Action action = schedule.tick(5_000_000_000L, 0);

        assertThat(action.allocateBytes()).isEqualTo(10 * MIB);
    }
}

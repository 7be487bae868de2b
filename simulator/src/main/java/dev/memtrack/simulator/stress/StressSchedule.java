package dev.memtrack.simulator.stress;

/**
 * The pattern logic of the stress generator, without allocating or sleeping: given the time and
 * what is retained, it says how many bytes to allocate now or down to what level to release. Time
 * comes from the caller, so every pattern can be checked step by step.
 *
 * <p>Allocation follows a token bucket: the current rate earns credit, credit is spent in whole
 * granules (the tail that reaches the target exactly may be smaller). Credit is capped at one
 * second's worth, so a stalled caller does not cause a burst larger than that.
 *
 * <p>Not thread-safe: one caller ticks it.
 */
public final class StressSchedule {

    /** How long SPIKE holds the target. */
    public static final long SPIKE_HOLD_NANOS = 1_000_000_000L;
    /** How long SPIKE rests with nothing retained before the next fill. */
    public static final long SPIKE_REST_NANOS = 2_000_000_000L;

    private static final double NANOS_PER_SECOND = 1e9;

    private final StressPattern pattern;
    private final long targetBytes;
    private final long rateBytesPerSecond;
    private final long granuleBytes;

    private StressPhase phase = StressPhase.FILLING;
    private long phaseStartNanos;
    private long lastTickNanos;
    private double credit;
    private long releaseTo;

    /**
     * What to do on this tick: allocate {@code allocateBytes} (0 for nothing), or, when
     * {@code releaseToBytes >= 0}, drop retained memory down to that level.
     */
    public record Action(long allocateBytes, long releaseToBytes) {
        static final Action NOTHING = new Action(0, -1);

        static Action allocate(long bytes) {
            return bytes == 0 ? NOTHING : new Action(bytes, -1);
        }

        static Action releaseTo(long level) {
            return new Action(0, level);
        }
    }

    /**
     * @param pattern            the pattern
     * @param targetBytes        retained bytes to reach, {@code > 0}
     * @param rateBytesPerSecond full allocation rate, {@code > 0}
     * @param granuleBytes       allocation unit, {@code > 0}
     * @param startNanos         the time of the start, on the caller's clock
     */
    public StressSchedule(StressPattern pattern, long targetBytes, long rateBytesPerSecond, long granuleBytes,
                          long startNanos) {
        if (targetBytes <= 0 || rateBytesPerSecond <= 0 || granuleBytes <= 0) {
            throw new IllegalArgumentException("target, rate and granule must be > 0: " + targetBytes + ", "
                    + rateBytesPerSecond + ", " + granuleBytes);
        }
        this.pattern = pattern;
        this.targetBytes = targetBytes;
        this.rateBytesPerSecond = rateBytesPerSecond;
        this.granuleBytes = granuleBytes;
        this.phaseStartNanos = startNanos;
        this.lastTickNanos = startNanos;
    }

    public StressPhase phase() {
        return phase;
    }

    /** Advances to {@code nowNanos} with {@code retainedBytes} held, and says what to do. */
    public Action tick(long nowNanos, long retainedBytes) {
        double seconds = Math.max(0, nowNanos - lastTickNanos) / NANOS_PER_SECOND;
        lastTickNanos = nowNanos;
        switch (phase) {
            case FILLING:
                return fill(nowNanos, retainedBytes, seconds);
            case HOLDING:
                if (pattern == StressPattern.SPIKE && nowNanos - phaseStartNanos >= SPIKE_HOLD_NANOS) {
                    enter(StressPhase.RELEASING, nowNanos);
                    releaseTo = 0;
                }
                return Action.NOTHING;
            case RELEASING:
                enter(pattern == StressPattern.SPIKE ? StressPhase.IDLE : StressPhase.FILLING, nowNanos);
                return Action.releaseTo(releaseTo);
            case IDLE:
                if (nowNanos - phaseStartNanos >= SPIKE_REST_NANOS) {
                    enter(StressPhase.FILLING, nowNanos);
                }
                return Action.NOTHING;
            default:
                throw new IllegalStateException(phase.name());
        }
    }

    private Action fill(long nowNanos, long retainedBytes, double seconds) {
        double rate = rateBytesPerSecond;
        if (pattern == StressPattern.RAMP) {
            double rampSeconds = (double) targetBytes / rateBytesPerSecond;
            double elapsed = (nowNanos - phaseStartNanos) / NANOS_PER_SECOND;
            rate *= Math.min(1, elapsed / rampSeconds);
        }
        credit = Math.min(credit + rate * seconds, Math.max(rateBytesPerSecond, granuleBytes));
        long missing = targetBytes - retainedBytes;
        long bytes;
        if (missing <= 0) {
            bytes = 0;
        } else if (missing <= credit) {
            bytes = missing;
        } else {
            bytes = Math.min(missing, (long) (credit / granuleBytes) * granuleBytes);
        }
        credit -= bytes;
        if (retainedBytes + bytes >= targetBytes) {
            afterFill(nowNanos);
        }
        return Action.allocate(bytes);
    }

    private void afterFill(long nowNanos) {
        if (pattern == StressPattern.SAWTOOTH) {
            enter(StressPhase.RELEASING, nowNanos);
            releaseTo = targetBytes / 2;
        } else {
            enter(StressPhase.HOLDING, nowNanos);
        }
    }

    private void enter(StressPhase next, long nowNanos) {
        phase = next;
        phaseStartNanos = nowNanos;
        credit = 0;
    }
}

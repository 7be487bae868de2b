package dev.memtrack.agent.policy.testing;

import dev.memtrack.agent.policy.PolicyClock;
import java.time.Duration;

/** A clock that moves only when a test moves it. */
public final class ManualClock implements PolicyClock {

    private long nanos = 1_000_000_000L;
    private long epochMillis = 1_700_000_000_000L;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return epochMillis;
    }

    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
        epochMillis += d.toMillis();
    }
}

package dev.memtrack.agent.policy;

/**
 * Where the policy engine reads time: a monotonic clock for hold times, cooldowns and measurement
 * windows, and wall time for the timestamps of its decisions. Tests substitute a clock they move by
 * hand, so that engine logic runs deterministically without sleeping.
 */
public interface PolicyClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** Milliseconds since the epoch. */
    long currentTimeMillis();

    /** The real clocks of this JVM. */
    PolicyClock SYSTEM = new PolicyClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };
}

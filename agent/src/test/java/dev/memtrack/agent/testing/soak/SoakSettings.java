package dev.memtrack.agent.testing.soak;

import java.time.Duration;

/**
 * How a soak runs.
 *
 * @param duration      how long the activity runs (the last sample is taken after it ended)
 * @param sampleEvery   time between two footprint samples
 * @param clients       Jolokia clients keeping the agent busy (reads and simulator operations)
 * @param ratePerClient their requests per second each
 */
public record SoakSettings(Duration duration, Duration sampleEvery, int clients, double ratePerClient) {

    public SoakSettings {
        if (sampleEvery.isNegative() || sampleEvery.isZero() || duration.compareTo(sampleEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a soak of " + duration + " sampled every " + sampleEvery
                    + " has fewer than 3 samples; make it longer or sample more often");
        }
    }
}

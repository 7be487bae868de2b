package dev.memtrack.agent.testing.load;

import java.time.Duration;

/**
 * How a load run is shaped.
 *
 * @param clients             concurrent clients, each a thread with its own keep-alive connection
 * @param duration            how long they send
 * @param ratePerClient       requests per second each client sends on a fixed schedule; 0: as fast as
 *                            it can (each waits for its answer, then sends the next)
 * @param simulatorOperations whether simulator operations are part of the mix (false: reads only)
 * @param seed                seed of the clients' random choices
 */
public record LoadSettings(int clients, Duration duration, double ratePerClient, boolean simulatorOperations,
                           long seed) {

    public LoadSettings {
        if (clients < 1 || clients > 1000) {
            throw new IllegalArgumentException("clients " + clients + " is not accepted: 1 to 1000");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration " + duration + " is not accepted: more than zero");
        }
        if (!(ratePerClient >= 0) || Double.isInfinite(ratePerClient)) {
            throw new IllegalArgumentException("ratePerClient " + ratePerClient
                    + " is not accepted: 0 (as fast as possible) or a positive rate");
        }
    }

    public boolean paced() {
        return ratePerClient > 0;
    }
}

package dev.memtrack.simulator.stress;

/**
 * The stress generator's state at one moment, immutable.
 *
 * @param running            whether the generator runs
 * @param pattern            pattern of the current or last run; {@code null} if never started
 * @param phase              what it is doing
 * @param targetBytes        retained bytes to reach (0 if never started)
 * @param rateBytesPerSecond full allocation rate (0 if never started)
 * @param retainedBytes      heap held now
 * @param allocatedBytes     bytes allocated since the generator was created
 * @param capBytes           the safety cap: largest target accepted
 * @param failure            why the last run ended by itself (e.g. out of memory); empty otherwise
 */
public record StressSnapshot(boolean running, StressPattern pattern, StressPhase phase, long targetBytes,
                             long rateBytesPerSecond, long retainedBytes, long allocatedBytes, long capBytes,
                             String failure) {
}

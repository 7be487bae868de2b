package dev.memtrack.simulator.paging;

/**
 * Faults of one run with a given number of frames: a point of a fault curve.
 *
 * @param frames physical frames
 * @param faults page faults
 */
public record FaultCount(int frames, long faults) {
}

package dev.memtrack.simulator.paging;

import java.util.List;

/**
 * The frame table at one moment, immutable: what a visualisation draws.
 *
 * @param algorithm replacement algorithm of the session
 * @param step      references made so far
 * @param frames    every frame, by frame number
 */
public record FrameTableSnapshot(ReplacementAlgorithm algorithm, long step, List<FrameState> frames) {

    public FrameTableSnapshot {
        frames = List.copyOf(frames);
    }
}

package dev.memtrack.agent.alloc.record;

/**
 * A sampled stack and the allocations it stands for.
 *
 * @param frames root first, {@code ;}-separated, the allocated type last
 * @param count  estimated allocations
 * @param bytes  estimated bytes
 */
public record FoldedStack(String frames, long count, long bytes) {

    /** The flame-graph input line: {@code frame;frame;type bytes}. */
    public String line() {
        return frames + ' ' + bytes;
    }
}

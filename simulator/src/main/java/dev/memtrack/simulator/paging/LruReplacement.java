package dev.memtrack.simulator.paging;

/**
 * Least recently used: evicts the page whose last reference is oldest.
 *
 * <p>Frames sit in a doubly linked recency list held in two int arrays (no node objects); a
 * reference moves its frame to the most recent end, the victim is at the least recent end:
 * O(1) per reference.
 */
public final class LruReplacement implements PageReplacement {

    private static final int UNLINKED = -1;

    // Index `capacity` is the sentinel of the circular list: next[sentinel] is the least recent frame.
    private final int sentinel;
    private final int[] next;
    private final int[] previous;

    /** @param capacity frames in the pool, at least 1 */
    public LruReplacement(int capacity) {
        sentinel = Frames.requirePositive(capacity);
        next = new int[capacity + 1];
        previous = new int[capacity + 1];
        java.util.Arrays.fill(next, UNLINKED);
        next[sentinel] = sentinel;
        previous[sentinel] = sentinel;
    }

    @Override
    public void loaded(int frame, long position) {
        makeMostRecent(frame);
    }

    @Override
    public void hit(int frame, long position) {
        makeMostRecent(frame);
    }

    @Override
    public int victim() {
        return next[sentinel];
    }

    private void makeMostRecent(int frame) {
        if (next[frame] != UNLINKED) {
            next[previous[frame]] = next[frame];
            previous[next[frame]] = previous[frame];
        }
        int last = previous[sentinel];
        next[last] = frame;
        previous[frame] = last;
        next[frame] = sentinel;
        previous[sentinel] = frame;
    }
}

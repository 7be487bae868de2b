package dev.memtrack.simulator.paging;

/**
 * Least frequently used: evicts the page referenced fewest times since it was loaded; among equals,
 * the least recently used. A page's count starts at 1 when it is loaded (it forgets earlier stays).
 *
 * <p>Frames sit in an indexed heap keyed by (count, last reference): O(log frames) per reference.
 */
public final class LfuReplacement implements PageReplacement {

    private final FrameHeap heap;

    /** @param capacity frames in the pool, at least 1 */
    public LfuReplacement(int capacity) {
        heap = new FrameHeap(Frames.requirePositive(capacity));
    }

    @Override
    public void loaded(int frame, long position) {
        heap.set(frame, 1, position);
    }

    @Override
    public void hit(int frame, long position) {
        heap.set(frame, heap.primary(frame) + 1, position);
    }

    @Override
    public int victim() {
        return heap.peek();
    }
}

package dev.memtrack.simulator.paging;

/**
 * First in, first out: evicts the page that has been resident longest, whatever its use.
 *
 * <p>Because frames fill in ascending order and a reloaded frame becomes the youngest, the oldest
 * page always sits at a hand that moves round the frames: O(1) per reference, no queue needed.
 */
public final class FifoReplacement implements PageReplacement {

    private final int capacity;
    private int hand;

    /** @param capacity frames in the pool, at least 1 */
    public FifoReplacement(int capacity) {
        this.capacity = Frames.requirePositive(capacity);
    }

    @Override
    public void loaded(int frame, long position) {
        // Load order is implied by the hand; nothing to record.
    }

    @Override
    public void hit(int frame, long position) {
        // FIFO ignores use.
    }

    @Override
    public int victim() {
        int oldest = hand;
        hand = hand + 1 == capacity ? 0 : hand + 1;
        return oldest;
    }
}

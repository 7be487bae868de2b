package dev.memtrack.simulator.paging;

/**
 * CLOCK (second chance): a hand sweeps the frames; a frame whose reference bit is set loses the bit
 * and is passed over, the first frame found without it is the victim. Loading or referencing a page
 * sets its bit; after a replacement the hand points past the victim.
 *
 * <p>O(1) amortised per reference: each step of the hand clears a bit some reference set.
 */
public final class ClockReplacement implements PageReplacement {

    private final int capacity;
    private final boolean[] referenced;
    private int hand;

    /** @param capacity frames in the pool, at least 1 */
    public ClockReplacement(int capacity) {
        this.capacity = Frames.requirePositive(capacity);
        this.referenced = new boolean[capacity];
    }

    @Override
    public void loaded(int frame, long position) {
        referenced[frame] = true;
    }

    @Override
    public void hit(int frame, long position) {
        referenced[frame] = true;
    }

    @Override
    public int victim() {
        while (referenced[hand]) {
            referenced[hand] = false;
            advance();
        }
        int victim = hand;
        advance();
        return victim;
    }

    @Override
    public boolean referenceBit(int frame) {
        return referenced[frame];
    }

    private void advance() {
        hand = hand + 1 == capacity ? 0 : hand + 1;
    }
}

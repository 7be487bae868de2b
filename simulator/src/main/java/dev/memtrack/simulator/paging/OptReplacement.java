package dev.memtrack.simulator.paging;

/**
 * Belady's optimal algorithm (MIN): evicts the page whose next reference is furthest in the future.
 * It needs the whole reference string in advance, given as next-use positions
 * ({@link ReferenceString#nextUses()}).
 *
 * <p>Frames sit in an indexed heap keyed by next use: O(log frames) per reference. Pages never
 * referenced again all rank beyond the end of the string; among them the one whose last reference
 * is earliest goes first, so every run has one well-defined answer.
 */
public final class OptReplacement implements PageReplacement {

    private final int[] nextUses;
    private final FrameHeap heap;

    /**
     * @param capacity frames in the pool, at least 1
     * @param nextUses for each position of the reference string, the position of the next reference
     *                 to the same page of the same process, or -1 if there is none
     */
    public OptReplacement(int capacity, int[] nextUses) {
        heap = new FrameHeap(Frames.requirePositive(capacity));
        this.nextUses = nextUses;
    }

    @Override
    public void loaded(int frame, long position) {
        schedule(frame, position);
    }

    @Override
    public void hit(int frame, long position) {
        schedule(frame, position);
    }

    @Override
    public int victim() {
        return heap.peek();
    }

    private void schedule(int frame, long position) {
        int i = (int) position;
        if (i >= nextUses.length) {
            throw new IllegalStateException("OPT knows " + nextUses.length + " references; reference "
                    + (position + 1) + " is beyond the string it was given");
        }
        long next = nextUses[i];
        // Never again: rank past the end, earlier last use further (evicted first).
        long rank = next >= 0 ? next : 2L * nextUses.length - i;
        heap.set(frame, -rank, 0);
    }
}

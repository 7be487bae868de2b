package dev.memtrack.simulator.paging;

/**
 * The victim choice of one page replacement algorithm over a pool of frames numbered
 * {@code 0..capacity-1}. The simulator owns the page-to-frame mapping; an implementation only
 * learns which frame was loaded or hit and answers which frame to evict.
 *
 * <p>Contract the simulator keeps: frames are filled in ascending order, a frame never becomes
 * free again, and {@link #victim()} is asked only when every frame holds a page, after which the
 * chosen frame is immediately {@link #loaded loaded} with the new page. Positions are the 0-based
 * index of the reference in the run and only grow.
 *
 * <p>Implementations are not thread-safe; the simulator confines each to one caller.
 */
public interface PageReplacement {

    /** A page was placed in {@code frame} by the reference at {@code position} (a fault). */
    void loaded(int frame, long position);

    /** The page in {@code frame} was referenced again at {@code position} (a hit). */
    void hit(int frame, long position);

    /** The frame whose page is evicted next; every frame holds a page when this is called. */
    int victim();

    /** The CLOCK reference bit of {@code frame}; {@code false} for algorithms without one. */
    default boolean referenceBit(int frame) {
        return false;
    }
}

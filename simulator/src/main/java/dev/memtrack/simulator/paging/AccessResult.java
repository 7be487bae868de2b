package dev.memtrack.simulator.paging;

/**
 * What one reference did.
 *
 * @param step            1-based number of the reference in the session
 * @param process         process that referenced the page
 * @param page            page referenced
 * @param hit             whether the page was already resident
 * @param frame           frame holding the page now
 * @param evictedProcess  owner of the evicted page, {@code null} if nothing was evicted
 * @param evictedPage     page evicted to make room, -1 if none
 */
public record AccessResult(long step, String process, int page, boolean hit, int frame,
                           String evictedProcess, int evictedPage) {

    /** Whether a page was evicted to make room. */
    public boolean evicted() {
        return evictedPage >= 0;
    }
}

package dev.memtrack.simulator.paging;

/**
 * One physical frame at the time of a {@link FrameTableSnapshot}.
 *
 * @param frame          frame number, from 0
 * @param owner          process whose pool the frame belongs to under LOCAL replacement, {@code null}
 *                       under GLOBAL
 * @param process        process of the resident page, {@code null} if the frame is free
 * @param page           resident page, -1 if free
 * @param loadedAtStep   1-based step that loaded the page, -1 if free
 * @param lastAccessStep 1-based step of the last reference to the page, -1 if free
 * @param accessCount    references to the page since it was loaded, 0 if free
 * @param referenceBit   CLOCK's reference bit ({@code false} for other algorithms)
 */
public record FrameState(int frame, String owner, String process, int page, long loadedAtStep,
                         long lastAccessStep, long accessCount, boolean referenceBit) {

    public boolean occupied() {
        return page >= 0;
    }
}

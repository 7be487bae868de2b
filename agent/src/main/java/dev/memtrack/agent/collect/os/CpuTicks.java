package dev.memtrack.agent.collect.os;

/**
 * Cumulative CPU time of one processor (or of all), in the OS's ticks since boot: time spent idle
 * (idle and I/O wait) and in total. Loads come only from the difference of two of these.
 *
 * @param idleTicks  ticks spent idle or waiting for I/O
 * @param totalTicks ticks of every kind
 */
public record CpuTicks(long idleTicks, long totalTicks) {

    /**
     * Busy share of the time between {@code older} and this, 0-100; -1 if no time passed or a
     * counter went backwards (CPU hot-plug, counter reset).
     */
    public double loadPercentSince(CpuTicks older) {
        long total = totalTicks - older.totalTicks;
        long idle = idleTicks - older.idleTicks;
        if (total <= 0 || idle < 0 || idle > total) {
            return -1;
        }
        return 100.0 * (total - idle) / total;
    }
}

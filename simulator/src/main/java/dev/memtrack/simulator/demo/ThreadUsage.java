package dev.memtrack.simulator.demo;

/**
 * Counters of a program's threads at one moment, and the rates between two such moments.
 *
 * @param capturedAtNanos  {@link System#nanoTime()} of the reading
 * @param completedTasks   tasks completed since start
 * @param cpuNanos         CPU time of the program's threads since start, -1 if unsupported
 * @param allocatedBytes   heap allocated by the program's threads since start, -1 if unsupported
 */
record ThreadUsage(long capturedAtNanos, long completedTasks, long cpuNanos, long allocatedBytes) {

    /** Tasks per second from {@code older} to this reading; 0 when no time passed. */
    double tasksPerSecondSince(ThreadUsage older) {
        return perSecond(completedTasks - older.completedTasks, older);
    }

    /** Bytes per second from {@code older} to this reading; 0 if unknown or no time passed. */
    double allocationRateSince(ThreadUsage older) {
        return allocatedBytes < 0 || older.allocatedBytes < 0 ? 0 : perSecond(allocatedBytes - older.allocatedBytes, older);
    }

    /** CPU time per wall time from {@code older} to this reading, percent of one core. */
    double cpuPercentSince(ThreadUsage older) {
        return cpuNanos < 0 || older.cpuNanos < 0 ? 0 : perSecond(cpuNanos - older.cpuNanos, older) / 1e7;
    }

    private double perSecond(long delta, ThreadUsage older) {
        long nanos = capturedAtNanos - older.capturedAtNanos;
        return nanos <= 0 ? 0 : delta * 1e9 / nanos;
    }
}

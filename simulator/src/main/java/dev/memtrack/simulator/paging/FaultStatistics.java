package dev.memtrack.simulator.paging;

/**
 * Counters of a paging run, overall or for one process.
 *
 * @param references pages referenced
 * @param faults     references that found their page absent
 * @param evictions  pages evicted; for one process, pages <em>of that process</em> evicted (under
 *                   GLOBAL replacement another process's fault may cause them)
 */
public record FaultStatistics(long references, long faults, long evictions) {

    public static final FaultStatistics EMPTY = new FaultStatistics(0, 0, 0);

    public FaultStatistics {
        if (references < 0 || faults < 0 || evictions < 0 || faults > references) {
            throw new IllegalArgumentException("inconsistent counters: references=" + references
                    + ", faults=" + faults + ", evictions=" + evictions);
        }
    }

    /** References that found their page resident. */
    public long hits() {
        return references - faults;
    }

    /** {@code hits / references}; 0 before the first reference. */
    public double hitRatio() {
        return references == 0 ? 0 : (double) hits() / references;
    }
}

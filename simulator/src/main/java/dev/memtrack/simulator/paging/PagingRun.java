package dev.memtrack.simulator.paging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of one algorithm over a whole reference string.
 *
 * @param algorithm replacement algorithm
 * @param frames    physical frames
 * @param total     counters over all processes
 * @param byProcess counters per process, in order of first appearance
 */
public record PagingRun(ReplacementAlgorithm algorithm, int frames, FaultStatistics total,
                        Map<String, FaultStatistics> byProcess) {

    public PagingRun {
        byProcess = Collections.unmodifiableMap(new LinkedHashMap<>(byProcess));
    }

    public long faults() {
        return total.faults();
    }
}

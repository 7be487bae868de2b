package dev.memtrack.agent.alloc;

import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationRates;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.SizePercentiles;
import java.util.List;

/**
 * The allocation tracker at one moment, for the JSON Lines log and the policy engine. Figures are
 * since {@code sinceMillis} (tracker start or last reset); {@code totalAllocatedBytes =
 * trackedAllocatedBytes + unattributedBytes}.
 *
 * @param mode                    current mode
 * @param estimated               whether tracked figures include sampled estimates
 * @param problem                 why tracking stopped itself, empty while healthy
 * @param sinceMillis             start of the figures (epoch ms)
 * @param capturedAtMillis        when they were read (epoch ms)
 * @param totalAllocatedBytes     all threads, from the JVM's counters (exact)
 * @param trackedAllocationCount  allocations at instrumented sites
 * @param trackedAllocatedBytes   bytes at instrumented sites
 * @param unattributedBytes       total − tracked: JDK internals, excluded classes, the agent itself
 * @param agentOwnBytes           part of the unattributed bytes allocated by the tracker itself
 *                                (class transformation, samples, tables, snapshots)
 * @param samples                 samples taken (SAMPLED estimates and stack traces rest on them)
 * @param rates                   allocation rate of all threads, 1 s / 10 s / 60 s
 * @param sizes                   size distribution at instrumented sites
 * @param instrumentedClasses     classes instrumented since start
 * @param retransformedClasses    of those, classes loaded before the tracker started and retransformed
 *                                (their allocations until then are not attributed)
 * @param instrumentationFailures classes left unchanged because instrumenting them failed
 * @param topSites                the heaviest sites, at most five
 */
public record AllocationSummary(AllocationMode mode, boolean estimated, String problem, long sinceMillis,
                                long capturedAtMillis, long totalAllocatedBytes, long trackedAllocationCount,
                                long trackedAllocatedBytes, long unattributedBytes, long agentOwnBytes, long samples,
                                AllocationRates rates, SizePercentiles sizes, long instrumentedClasses,
                                long retransformedClasses,
                                long instrumentationFailures, List<SiteRow> topSites) {

    /** Sites in {@link #topSites}. */
    public static final int TOP_SITES = 5;

    public AllocationSummary {
        topSites = List.copyOf(topSites);
    }
}

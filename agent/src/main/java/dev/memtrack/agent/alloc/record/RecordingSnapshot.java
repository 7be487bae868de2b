package dev.memtrack.agent.alloc.record;

import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.SizePercentiles;
import dev.memtrack.mbeans.ThreadRow;
import dev.memtrack.mbeans.TypeRow;
import java.util.List;

/**
 * An immutable view of a recording at one moment, what the MBean and the summary read. Rows are
 * sorted by bytes, heaviest first, ranked from 1, at most the configured table size.
 *
 * @param capturedAtMillis    when it was taken
 * @param sinceMillis         when the recording started (tracker start or last reset)
 * @param totalAllocatedBytes bytes all threads allocated since then (JVM counters, exact)
 * @param trackedCount        allocations recorded at instrumented sites (estimated when {@code estimated})
 * @param trackedBytes        bytes recorded at instrumented sites
 * @param estimated           whether any tracked figure is a sampled estimate
 * @param ownBytes            bytes the tracker allocated itself (part of the unattributed bytes)
 * @param samples             samples taken
 */
public record RecordingSnapshot(long capturedAtMillis, long sinceMillis, long totalAllocatedBytes, long trackedCount,
                                long trackedBytes, boolean estimated, List<SiteRow> sites, List<TypeRow> types,
                                List<ThreadRow> threads, SizePercentiles sizes, List<FoldedStack> stacks,
                                long ownBytes, long samples) {

    public RecordingSnapshot {
        sites = List.copyOf(sites);
        types = List.copyOf(types);
        threads = List.copyOf(threads);
        stacks = List.copyOf(stacks);
    }

    /** Total − tracked: JDK internals, excluded classes, the tracker itself. */
    public long unattributedBytes() {
        return totalAllocatedBytes - trackedBytes;
    }
}

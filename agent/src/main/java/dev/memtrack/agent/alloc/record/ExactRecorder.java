package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.table.SizeBuckets;

/**
 * EXACT mode: every allocation is counted in its thread's buffer (plain increments, no atomics),
 * and its size bucketed. The sampling countdown still runs, for stack traces only.
 */
public final class ExactRecorder extends Recorder {

    public ExactRecorder(Parts parts) {
        super(parts);
    }

    @Override
    void record(ThreadState t, int site, long size) {
        if (!t.counts.add(site, 1, size)) {
            makeRoom(t, site, size);
        }
        long[] buckets = t.sizeBuckets;
        if (buckets == null) {
            buckets = firstBuckets(t);
        }
        buckets[SizeBuckets.bucket(size)]++;
        if (size > t.maxBytes) {
            t.maxBytes = size;
        }
        if ((t.remaining -= size) < 0) {
            sample(t, site, size, false);
        }
    }
}

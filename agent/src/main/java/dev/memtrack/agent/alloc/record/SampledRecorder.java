package dev.memtrack.agent.alloc.record;

/**
 * SAMPLED mode: an allocation costs a subtraction and a rarely taken branch; one in about
 * {@code interval / size} is sampled and stands for its share of allocations (see
 * {@link PoissonSampling}).
 */
public final class SampledRecorder extends Recorder {

    public SampledRecorder(Parts parts) {
        super(parts);
    }

    @Override
    void record(ThreadState t, int site, long size) {
        if ((t.remaining -= size) < 0) {
            sample(t, site, size, true);
        }
    }
}

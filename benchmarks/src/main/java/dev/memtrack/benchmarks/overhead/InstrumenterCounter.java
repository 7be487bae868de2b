package dev.memtrack.benchmarks.overhead;

import com.google.monitoring.runtime.instrumentation.AllocationRecorder;
import com.google.monitoring.runtime.instrumentation.Sampler;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counting callback of allocation-instrumenter: sums the bytes of every allocation it reports.
 * Loaded by {@link ProgramRun} only when the instrumenter is the JVM's agent (its classes are on the
 * class path then).
 */
public final class InstrumenterCounter implements Sampler {

    private static final AtomicLong BYTES = new AtomicLong();

    private InstrumenterCounter() {
    }

    public static void register() {
        AllocationRecorder.addSampler(new InstrumenterCounter());
    }

    public static long bytes() {
        return BYTES.get();
    }

    @Override
    public void sampleAllocation(int count, String desc, Object newObj, long size) {
        BYTES.addAndGet(size);
    }
}

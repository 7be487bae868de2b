package dev.memtrack.simulator.demo;

import dev.memtrack.simulator.stress.MemoryStressGenerator;
import dev.memtrack.simulator.stress.StressPattern;
import java.util.concurrent.ThreadFactory;

/**
 * One stress phase: runs a memory-stress generator (one per worker) to a modest target with a
 * sawtooth pattern for a few seconds, then stops it, which releases its memory.
 */
final class StressPhaseTask implements ProgramTask {

    static final long TARGET_BYTES = 32L * 1024 * 1024;
    static final long RATE_BYTES_PER_SECOND = 16L * 1024 * 1024;
    static final long PHASE_MILLIS = 6_000;

    private final MemoryStressGenerator[] generators;

    StressPhaseTask(int workers, ThreadFactory threads) {
        generators = new MemoryStressGenerator[workers];
        for (int i = 0; i < workers; i++) {
            generators[i] = new MemoryStressGenerator(TARGET_BYTES, threads);
        }
    }

    @Override
    public void run(int worker) throws InterruptedException {
        MemoryStressGenerator generator = generators[worker];
        generator.start(TARGET_BYTES, RATE_BYTES_PER_SECOND, StressPattern.SAWTOOTH);
        try {
            Thread.sleep(PHASE_MILLIS);
        } finally {
            generator.stop();
        }
    }

    @Override
    public void close() {
        for (MemoryStressGenerator generator : generators) {
            generator.stop();
        }
    }
}

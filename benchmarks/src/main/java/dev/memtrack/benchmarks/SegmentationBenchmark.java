package dev.memtrack.benchmarks;

import dev.memtrack.simulator.segmentation.PlacementStrategy;
import dev.memtrack.simulator.segmentation.SegmentedMemory;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocate and free operations per second with about 10,000 holes present: 20,001 segments of 1-4096
 * bytes are placed side by side and every other one freed; then each invocation frees the oldest of
 * 1,024 live segments and allocates a new one of 1-4096 bytes in its place (one free plus one
 * allocation, two operations), so holes keep splitting and merging.
 *
 * <p>Run: {@code benchmarks/run-simulator-benchmarks.sh}, or
 * {@code java -jar benchmarks/target/memtrack-benchmarks.jar SegmentationBenchmark}.
 * Target: >= 1 M operations/s for every strategy.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SegmentationBenchmark {

    static final int BACKGROUND_SEGMENTS = 20_001;
    static final int LIVE = 1024;
    private static final int SIZES = 1 << 16;

    @Param({"FIRST_FIT", "BEST_FIT", "WORST_FIT", "NEXT_FIT"})
    public String strategy;

    private SegmentedMemory memory;
    private final String[] names = new String[LIVE];
    private final boolean[] live = new boolean[LIVE];
    private final long[] sizes = new long[SIZES];
    private int slot;
    private int nextSize;

    /** A fresh memory per iteration, so every iteration starts from the same ~10,000 holes. */
    @Setup(Level.Iteration)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        memory = new SegmentedMemory(1L << 30, PlacementStrategy.parse(strategy));
        for (int i = 0; i < BACKGROUND_SEGMENTS; i++) {
            memory.allocate("background/" + i, 1 + random.nextInt(4096));
        }
        for (int i = 0; i < BACKGROUND_SEGMENTS; i += 2) {
            memory.free("background/" + i);
        }
        for (int i = 0; i < SIZES; i++) {
            sizes[i] = 1 + random.nextInt(4096);
        }
        for (int i = 0; i < LIVE; i++) {
            names[i] = "live/" + i;
            live[i] = false;
        }
        slot = 0;
        nextSize = 0;
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long freeOldestAndAllocate() {
        int i = slot;
        slot = (slot + 1) & (LIVE - 1);
        if (live[i]) {
            memory.free(names[i]);
        }
        long base = memory.allocate(names[i], sizes[nextSize++ & (SIZES - 1)]);
        live[i] = base >= 0;
        return base;
    }
}

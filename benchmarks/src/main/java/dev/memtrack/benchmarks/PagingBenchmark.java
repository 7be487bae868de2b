package dev.memtrack.benchmarks;

import dev.memtrack.simulator.paging.PagingConfig;
import dev.memtrack.simulator.paging.PagingRuns;
import dev.memtrack.simulator.paging.ReferenceString;
import dev.memtrack.simulator.paging.ReplacementAlgorithm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Page references per second of a whole batch run: 1 M references with locality (90 % in a
 * drifting working set of 96 pages out of 20,000) over 64 frames. One operation is one reference;
 * OPT's run includes computing the next-use positions it needs.
 *
 * <p>Run: {@code benchmarks/run-simulator-benchmarks.sh}, or
 * {@code java -jar benchmarks/target/memtrack-benchmarks.jar PagingBenchmark -p algorithm=LRU}.
 * Targets: LRU >= 20 M references/s, OPT >= 5 M references/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PagingBenchmark {

    static final int REFERENCES = 1_000_000;

    @Param({"LRU", "OPT", "FIFO", "CLOCK", "LFU"})
    public String algorithm;

    @Param("64")
    public int frames;

    private PagingConfig config;
    private ReferenceString references;

    @Setup
    public void setUp() {
        config = PagingConfig.of(ReplacementAlgorithm.parse(algorithm), frames);
        references = LocalityReferences.generate(REFERENCES, 20_000, 96, 0.9, 1);
    }

    @Benchmark
    @OperationsPerInvocation(REFERENCES)
    public long run() {
        return PagingRuns.run(config, references).faults();
    }
}

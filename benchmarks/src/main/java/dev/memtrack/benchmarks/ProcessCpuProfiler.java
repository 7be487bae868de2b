package dev.memtrack.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Throughput per CPU-second of the benchmark JVM: the primary score times wall time over the
 * process's CPU time in the same iteration. On a machine shared with other work a single-threaded
 * benchmark gets less than a core, and wall-clock throughput falls with the load; this figure does
 * not. It is conservative: JIT and GC threads add CPU time. Use with {@code -prof
 * dev.memtrack.benchmarks.ProcessCpuProfiler}; reported as {@code ·cpu} in ops per CPU-second.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long wallStart;
    private long cpuStart;

    @Override
    public String getDescription() {
        return "throughput per CPU-second of the benchmark process (robust to a loaded machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallStart = System.nanoTime();
        cpuStart = os.getProcessCpuTime();
    }

    @Override
    @SuppressWarnings("rawtypes")  // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long cpu = os.getProcessCpuTime() - cpuStart;
        if (cpu <= 0) {
            return List.of();
        }
        double perCpuSecond = result.getPrimaryResult().getScore() * wall / cpu;
        return List.of(new ScalarResult("cpu", perCpuSecond, result.getScoreUnit().replace("/s", "/cpu-s"),
                AggregationPolicy.AVG));
    }
}

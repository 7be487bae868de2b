package dev.memtrack.benchmarks.alloc;

import dev.memtrack.agent.alloc.AllocationSettings;
import dev.memtrack.agent.alloc.AllocationTracker;
import dev.memtrack.benchmarks.alloc.workload.Allocations;
import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the allocation hook: the same allocations uninstrumented ({@code BASELINE}) and
 * instrumented by the real tracker with recording {@code OFF}, {@code SAMPLED} (default 512 KiB
 * interval) and {@code EXACT}. The difference to BASELINE is the hook's cost per allocation.
 *
 * <p>Run: {@code benchmarks/run.sh AllocationHookBenchmark} (add {@code -prof gc} for allocation
 * rates, {@code -t 2} for two threads). Figures from a shared machine are indicative only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-XX:+EnableDynamicAgentLoading", "-Djdk.attach.allowAttachSelf=true"})
@State(Scope.Benchmark)
public class AllocationHookBenchmark {

    /** BASELINE: no tracker; otherwise the tracker's mode. */
    @Param({"BASELINE", "OFF", "SAMPLED", "EXACT"})
    public String mode;

    private AllocationTracker tracker;

    @Setup(Level.Trial)
    public void start() {
        if (!mode.equals("BASELINE")) {
            tracker = AllocationTracker.start(ByteBuddyAgent.install(), AllocationSettings.defaults()
                    .withMode(AllocationMode.valueOf(mode))
                    .withInclude(List.of(Allocations.class.getPackageName() + ".*")), System.err::println);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    /** {@code new} of a 16-byte object. */
    @Benchmark
    public Object newObject() {
        return Allocations.newObject();
    }

    /** {@code new byte[64]}. */
    @Benchmark
    public Object newArray() {
        return Allocations.newArray(64);
    }

    /** 100 nodes with a small array each: 200 allocations per call, a more realistic mix. */
    @Benchmark
    public Object linkedList() {
        return Allocations.linkedList(100);
    }
}

package dev.memtrack.benchmarks.alloc;

import dev.memtrack.agent.alloc.AllocationSettings;
import dev.memtrack.agent.alloc.AllocationTracker;
import dev.memtrack.benchmarks.alloc.workload.Allocations;
import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The workloads of {@link AllocationHookBenchmark}, timed as the best of 30 rounds in one JVM per
 * mode: on a shared machine the minimum is steadier than JMH's mean. Run each mode in its own JVM:
 * {@code java -cp <classpath> dev.memtrack.benchmarks.alloc.HookCostHarness SAMPLED}
 * (see {@code benchmarks/run.sh --harness}).
 */
public final class HookCostHarness {

    private static final int ROUNDS = 30;
    private static final int LISTS = 20_000;
    private static final int OBJECTS = 2_000_000;

    static volatile Object sink;

    private HookCostHarness() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "BASELINE";
        AllocationTracker tracker = mode.equals("BASELINE") ? null : AllocationTracker.start(ByteBuddyAgent.install(),
                AllocationSettings.defaults().withMode(AllocationMode.valueOf(mode))
                        .withInclude(List.of(Allocations.class.getPackageName() + ".*")), System.err::println);
        try {
            long list = Long.MAX_VALUE;
            long object = Long.MAX_VALUE;
            long array = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < LISTS; i++) {
                    sink = Allocations.linkedList(100);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < OBJECTS; i++) {
                    sink = Allocations.newObject();
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < OBJECTS; i++) {
                    sink = Allocations.newArray(64);
                }
                long t3 = System.nanoTime();
                list = Math.min(list, t1 - t0);
                object = Math.min(object, t2 - t1);
                array = Math.min(array, t3 - t2);
            }
            System.out.printf("%-8s linkedList %7.1f ns/op   newObject %5.2f ns/op   newArray %5.2f ns/op%n", mode,
                    (double) list / LISTS, (double) object / OBJECTS, (double) array / OBJECTS);
        } finally {
            if (tracker != null) {
                tracker.close();
            }
        }
    }
}

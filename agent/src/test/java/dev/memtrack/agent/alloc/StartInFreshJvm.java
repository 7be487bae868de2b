package dev.memtrack.agent.alloc;

import dev.memtrack.mbeans.AllocationMode;
import java.util.List;
import java.util.function.ToLongFunction;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Starts the tracker in a fresh JVM (the first thing it does, as the agent will), runs a workload
 * and prints what it recorded. Launched by {@link ConsoleTest}.
 */
public final class StartInFreshJvm {

    private StartInFreshJvm() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        try (AllocationTracker tracker = AllocationTracker.start(ByteBuddyAgent.install(), AllocationSettings
                .defaults().withMode(AllocationMode.EXACT)
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), w -> System.out.println("WARN " + w))) {
            ToLongFunction<String> loops =
                    WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationLoops", ToLongFunction.class);
            loops.applyAsLong("mixed:" + (1 << 20));
            System.out.println("tracked " + tracker.summary().trackedAllocatedBytes());
        }
    }
}

package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.mbeans.AllocationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads (JDK 21+): each one that allocates gets its own small state, folded into the
 * tables when it ends; every allocation is still counted.
 */
class VirtualThreadTest {

    private static final int THREADS = 2_000;
    private static final int ALLOCATIONS = 10;

    @Test
    @SuppressWarnings("unchecked")
    void countsEveryAllocationOfManyVirtualThreads() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (AllocationTracker tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings
                .defaults().withMode(AllocationMode.EXACT).withMaxSites(100)
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), warnings::add)) {
            ToLongFunction<String> forms =
                    WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationForms", ToLongFunction.class);
            forms.applyAsLong("newIntArray");
            long before = tracker.snapshotNow().trackedCount();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            java.lang.reflect.Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Runnable work = () -> {
                    try {
                        for (int k = 0; k < ALLOCATIONS; k++) {
                            forms.applyAsLong("newIntArray");
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                };
                threads.add((Thread) start.invoke(builder, work));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(tracker.snapshotNow().trackedCount() - before).isEqualTo((long) THREADS * ALLOCATIONS);
            tracker.engine().snapshot();
            assertThat(tracker.snapshotNow().threads()).hasSizeLessThanOrEqualTo(100);
            assertThat(warnings).isEmpty();
            assertThat(tracker.problem()).isEmpty();
        }
    }
}

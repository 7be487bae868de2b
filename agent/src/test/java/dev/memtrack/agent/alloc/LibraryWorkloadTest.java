package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.ThreadRow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Jackson (jackson-databind 2.17.2 from Maven Central), loaded in its own class loader and
 * instrumented whole: no class fails, the totals add up, Jackson's sites carry a good part of what its
 * thread allocates (the rest is inside the JDK: string contents, collection growth), and the sampled
 * estimate agrees with the exact count.
 */
class LibraryWorkloadTest {

    private static final String JACKSON = "com.fasterxml.jackson.";

    @Test
    void instrumentsJacksonWithCorrectTotals() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        WorkloadLoader loader = new WorkloadLoader(List.of(WorkloadLoader.WORKLOAD_PACKAGE, JACKSON),
                WorkloadLoader.jarsOnClassPath("jackson-databind", "jackson-core", "jackson-annotations"));
        IntToLongFunction jackson = WorkloadLoader.newWorkload(loader, "JacksonWorkload", IntToLongFunction.class);
        assertThat(jackson.getClass().getClassLoader()).isSameAs(loader);
        long exactBytes;
        long exactTruth;
        try (AllocationTracker tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings
                .defaults().withMode(AllocationMode.EXACT).withIntervalBytes(16 * 1024)
                .withInclude(List.of(JACKSON + "*", WorkloadLoader.WORKLOAD_PACKAGE + "*")), warnings::add, 7)) {
            jackson.applyAsLong(20);
            tracker.engine().reset();
            long own = tracker.ownBytesOfCurrentThread();
            long jvm = jackson.applyAsLong(40);
            exactTruth = jvm - (tracker.ownBytesOfCurrentThread() - own);
            RecordingSnapshot s = tracker.snapshotNow();
            AllocationSummary summary = tracker.summary();

            assertThat(tracker.instrumentationFailures()).isEmpty();
            assertThat(warnings).isEmpty();
            assertThat(summary.instrumentedClasses()).isGreaterThan(100);
            assertThat(summary.mode()).isEqualTo(AllocationMode.EXACT);
            assertThat(summary.estimated()).isFalse();
            assertThat(summary.problem()).isEmpty();
            assertThat(summary.topSites()).hasSize(AllocationSummary.TOP_SITES);
            assertThat(summary.agentOwnBytes()).as("class transformation is measured").isPositive();
            assertThat(summary.unattributedBytes()).isGreaterThan(summary.agentOwnBytes());
            assertThat(summary.totalAllocatedBytes())
                    .isEqualTo(summary.trackedAllocatedBytes() + summary.unattributedBytes());
            long jacksonBytes = s.sites().stream().filter(r -> r.site().startsWith(JACKSON))
                    .mapToLong(SiteRow::bytes).sum();
            assertThat(jacksonBytes).isPositive();
            assertThat(s.sites()).extracting(SiteRow::type)
                    .as("beans Jackson creates reflectively").contains(WorkloadLoader.WORKLOAD_PACKAGE + "JacksonWorkload$Order");
            ThreadRow me = s.threads().stream().filter(r -> r.threadId() == Thread.currentThread().getId())
                    .findFirst().orElseThrow();
            exactBytes = me.bytes();
            assertThat(exactBytes).as("tracked is part of what the JVM counted").isLessThanOrEqualTo(exactTruth);
            assertThat(me.jvmAllocatedBytes()).isGreaterThanOrEqualTo(jvm);
            System.out.printf("Jackson EXACT on JDK %d: tracked %d of %d bytes the JVM counted (%.1f %%), "
                            + "Jackson sites %d bytes; tracker's own %d bytes%n", Runtime.version().feature(),
                    exactBytes, exactTruth, 100.0 * exactBytes / exactTruth, jacksonBytes, summary.agentOwnBytes());
            // String building and collection growth inside the JDK are not Jackson's sites.
            assertThat((double) exactBytes / exactTruth).isGreaterThan(0.3);
        }

        try (AllocationTracker tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings
                .defaults().withMode(AllocationMode.SAMPLED).withIntervalBytes(4 * 1024)
                .withInclude(List.of(JACKSON + "*", WorkloadLoader.WORKLOAD_PACKAGE + "*")), warnings::add, 7)) {
            jackson.applyAsLong(20);
            tracker.engine().reset();
            jackson.applyAsLong(40);
            ThreadRow me = tracker.snapshotNow().threads().stream()
                    .filter(r -> r.threadId() == Thread.currentThread().getId()).findFirst().orElseThrow();
            System.out.printf("Jackson SAMPLED on JDK %d: estimated %d vs exact %d bytes (%+.2f %%)%n",
                    Runtime.version().feature(), me.bytes(), exactBytes, 100.0 * (me.bytes() - exactBytes) / exactBytes);
            assertThat(me.estimated()).isTrue();
            // About 10 MB at a 4 KiB interval: some 2,500 samples, a relative deviation near 2 %; ±10 % is 5 of them.
            assertThat((double) me.bytes()).isCloseTo(exactBytes, within(0.10 * exactBytes));
            assertThat(tracker.instrumentationFailures()).isEmpty();
        }
    }
}

package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memtrack.agent.alloc.record.PoissonSampling;
import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.ThreadRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAMPLED mode estimates the JVM's count within ±5 % over 256 MiB (4 threads × 64 MiB) for small,
 * large and mixed sizes, and takes as many samples as the interval implies.
 *
 * <p>Why these bands cannot flake: with a 16 KiB interval, 256 MiB of 48-byte objects give about
 * 16,400 samples, each standing for about 16 KiB; the estimate's relative standard deviation is
 * 1/sqrt(16,400) = 0.8 %, so ±5 % is more than 6 standard deviations (and ±10 % per thread, over
 * 4,100 samples, too). The sample count is a sum of independent Bernoulli trials, checked within 5
 * standard deviations. Generators are seeded per thread name, so runs repeat.
 */
class SampledAccuracyTest {

    private static final long INTERVAL = 16 * 1024;
    private static final long PER_THREAD = 64L << 20;
    private static final int THREADS = 4;
    private static AllocationTracker tracker;

    @BeforeAll
    static void start() {
        tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings.defaults()
                .withMode(AllocationMode.SAMPLED).withIntervalBytes(INTERVAL)
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), w -> { }, 1234);
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "large", "mixed"})
    @SuppressWarnings("unchecked")
    void estimatesTheJvmCountWithinFivePercent(String kind) throws Exception {
        ToLongFunction<String> loops =
                WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationLoops", ToLongFunction.class);
        loops.applyAsLong(kind + ":" + (1 << 20));
        tracker.engine().reset();
        Map<Long, Long> truthByThread = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                long own = tracker.ownBytesOfCurrentThread();
                long jvm = loops.applyAsLong(kind + ":" + PER_THREAD);
                truthByThread.put(Thread.currentThread().getId(), jvm - (tracker.ownBytesOfCurrentThread() - own));
            }, "sampled-" + kind + "-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        RecordingSnapshot s = tracker.snapshotNow();
        long truth = truthByThread.values().stream().mapToLong(Long::longValue).sum();
        // What the JVM counted less what the tracker itself allocated for its samples.
        assertThat(truth).isGreaterThanOrEqualTo(200_000_000L);

        long estimated = 0;
        for (ThreadRow row : s.threads()) {
            Long threadTruth = truthByThread.get(row.threadId());
            if (threadTruth != null) {
                assertThat(row.estimated()).isTrue();
                assertThat((double) row.bytes()).as("thread %s", row.thread())
                        .isCloseTo(threadTruth, within(0.10 * threadTruth));
                estimated += row.bytes();
            }
        }
        System.out.printf("SAMPLED %s on JDK %d: estimated %d vs JVM %d bytes (%+.2f %%), %d samples%n", kind,
                Runtime.version().feature(), estimated, truth, 100.0 * (estimated - truth) / truth, s.samples());
        assertThat((double) estimated).as("%s: estimated vs JVM", kind).isCloseTo(truth, within(0.05 * truth));
        long siteBytes = s.sites().stream().filter(r -> r.site().startsWith(WorkloadLoader.WORKLOAD_PACKAGE))
                .mapToLong(SiteRow::bytes).sum();
        assertThat(siteBytes).as("sites add up to the threads").isEqualTo(estimated);
        assertThat(s.sites()).allSatisfy(r -> assertThat(r.estimated()).isTrue());
        assertThat(s.estimated()).isTrue();

        if (!kind.equals("mixed")) {
            long size = kind.equals("small") ? 48 : 96 * 1024;
            // The JVM's counter may hold a few bytes the JVM allocated itself (seen without any agent).
            long allocations = Math.round((double) truth / size);
            double p = PoissonSampling.probability(size, INTERVAL);
            double sigma = Math.sqrt(allocations * p * (1 - p));
            assertThat((double) s.samples()).as("samples").isCloseTo(allocations * p, within(5 * sigma));
        }
    }
}

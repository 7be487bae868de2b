package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.ThreadRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modes, interval and resets change through the MBean while threads allocate: nothing throws,
 * OFF records nothing, and once EXACT again the figures are exact to the byte.
 */
class ModeSwitchTest {

    private static final int THREADS = 3;
    private static final List<String> warnings = new CopyOnWriteArrayList<>();
    private static AllocationTracker tracker;
    private static ToLongFunction<String> loops;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() {
        tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings.defaults()
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), warnings::add);
        loops = WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationLoops", ToLongFunction.class);
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    @Test
    void switchesUnderLoadWithoutLosingConsistency() throws Exception {
        AllocationsMXBean mbean = tracker.mbean();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (running.get()) {
                        loops.applyAsLong("mixed:" + (2 << 20));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "switching-" + i);
            workers.add(t);
            t.start();
        }
        Random random = new Random(5);
        AllocationMode[] modes = AllocationMode.values();
        for (int i = 0; i < 300; i++) {
            mbean.setMode(modes[random.nextInt(modes.length)]);
            if (i % 10 == 0) {
                mbean.setSamplingIntervalBytes(1024L << random.nextInt(12));
            }
            if (i % 50 == 0) {
                mbean.reset();
            }
            RecordingSnapshot s = tracker.snapshotNow();
            assertConsistent(s);
            Thread.sleep(random.nextInt(4));
        }
        running.set(false);
        for (Thread t : workers) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(tracker.problem()).isEmpty();

        mbean.setMode(AllocationMode.OFF);
        RecordingSnapshot off = tracker.snapshotNow();
        loops.applyAsLong("mixed:" + (4 << 20));
        assertThat(tracker.snapshotNow().trackedBytes()).as("OFF records nothing").isEqualTo(off.trackedBytes());

        mbean.setMode(AllocationMode.EXACT);
        mbean.reset();
        assertExactPerThread();
    }

    /** Every thread's bytes grow by its JVM counter's growth less the tracker's own bytes, to the byte. */
    private static void assertExactPerThread() throws InterruptedException {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Long> threadIds = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            new Thread(() -> {
                try {
                    threadIds.add(Thread.currentThread().getId());
                    ExactRuns.assertExact(tracker, () -> loops.applyAsLong("mixed:" + (8 << 20)),
                            () -> ownRow(tracker.snapshotNow()).bytes());
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "exact-" + i).start();
        }
        done.await();
        assertThat(failures).isEmpty();
        RecordingSnapshot s = tracker.snapshotNow();
        assertThat(s.threads()).filteredOn(r -> threadIds.contains(r.threadId()))
                .hasSize(THREADS).allSatisfy(r -> assertThat(r.estimated()).isFalse());
        assertConsistent(s);
    }

    private static ThreadRow ownRow(RecordingSnapshot s) {
        long id = Thread.currentThread().getId();
        return s.threads().stream().filter(r -> r.threadId() == id).findFirst()
                .orElse(new ThreadRow(0, "", id, 0, 0, 0, false));
    }

    private static void assertConsistent(RecordingSnapshot s) {
        assertThat(s.totalAllocatedBytes()).isEqualTo(s.trackedBytes() + s.unattributedBytes());
        long rows = s.sites().stream().mapToLong(SiteRow::bytes).sum();
        long threads = s.threads().stream().mapToLong(ThreadRow::bytes).sum();
        assertThat(rows).as("site rows add up").isEqualTo(s.trackedBytes());
        assertThat(threads).as("thread rows add up").isEqualTo(s.trackedBytes());
        assertThat(s.sites()).allSatisfy(r -> assertThat(r.errorBytes()).isZero());
    }
}

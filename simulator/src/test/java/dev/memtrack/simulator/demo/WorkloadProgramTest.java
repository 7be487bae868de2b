package dev.memtrack.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.simulator.Await;
import dev.memtrack.mbeans.Priority;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real worker threads; waits have generous deadlines and check states, never durations. */
class WorkloadProgramTest {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile CyclicBarrier barrier;
    private final ProgramTask task = worker -> {
        started.incrementAndGet();
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            byte[] garbage = new byte[64 * 1024];
            garbage[worker] = 1;
            CyclicBarrier meet = barrier;
            if (meet != null) {
                meet.await(30, TimeUnit.SECONDS);
            }
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("workers did not meet", e);
        } finally {
            running.decrementAndGet();
        }
    };
    private final WorkloadProgram program = new WorkloadProgram(
            new ProgramProfile("under-test", "a test program", Priority.BACKGROUND, 2, 4, 1), task,
            new ThreadAccounting("under-test"));

    @AfterEach
    void stop() {
        program.stop();
    }

    @Test
    void neverRunsMoreTasksAtOnceThanItsParallelism() {
        program.start();
        Await.until(() -> program.getCompletedTasks() >= 200);

        assertThat(mostAtOnce.get()).isBetween(1, 2);
    }

    @Test
    void raisingParallelismLetsEveryWorkerRunAtOnce() {
        program.setParallelism(1);
        program.start();
        Await.until(() -> program.getCompletedTasks() >= 20);
        assertThat(mostAtOnce.get()).isEqualTo(1);

        // Four workers must meet inside a task: only possible if all four run at once.
        barrier = new CyclicBarrier(4);
        program.setParallelism(4);
        Await.until(() -> mostAtOnce.get() == 4);
        long before = program.getCompletedTasks();
        Await.until(() -> program.getCompletedTasks() >= before + 8);
    }

    @Test
    void aPausedProgramStartsNoTask() throws InterruptedException {
        program.start();
        Await.until(() -> program.getCompletedTasks() >= 20);

        program.setPaused(true);
        // Paused with nothing running: the gate lets no task through until resumed.
        Await.until(() -> program.runningTasks() == 0);
        long completed = program.getCompletedTasks();
        int started = this.started.get();
        Thread.sleep(200);  // a window in which an unpaused program completes dozens of tasks

        assertThat(program.isPaused()).isTrue();
        assertThat(this.started.get()).isEqualTo(started);
        assertThat(program.getCompletedTasks()).isEqualTo(completed);
        program.setPaused(false);
        Await.until(() -> program.getCompletedTasks() > completed);
    }

    @Test
    void reportsTasksLatencyAndAllocationOfItsOwnThreads() {
        program.start();
        Await.until(() -> program.getCompletedTasks() >= 50);
        program.sample();
        Await.until(() -> program.getCompletedTasks() >= 100);
        program.sample();

        assertThat(program.getAllocatedBytes()).isGreaterThanOrEqualTo(50L * 64 * 1024);
        assertThat(program.getTasksPerSecond()).isPositive();
        assertThat(program.getAllocationRateBytesPerSecond()).isPositive();
        assertThat(program.getTaskLatencyP99Millis()).isPositive();
        assertThat(program.getCpuPercent()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void refusesOutOfRangeControlsWithTheRule() {
        assertThatThrownBy(() -> program.setParallelism(5))
                .hasMessage("parallelism 5 is out of range for under-test: accepted 1 to 4");
        assertThatThrownBy(() -> program.setParallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> program.setPriority(null))
                .hasMessage("priority must be CRITICAL, NORMAL or BACKGROUND, was null");
        assertThat(program.getParallelism()).isEqualTo(2);
        assertThat(program.getMaxParallelism()).isEqualTo(4);
        assertThat(program.getPriority()).isEqualTo(Priority.BACKGROUND);
    }

    @Test
    void aFailingTaskDoesNotStopItsWorker() {
        AtomicInteger calls = new AtomicInteger();
        WorkloadProgram flaky = new WorkloadProgram(
                new ProgramProfile("flaky", "fails every other task", Priority.NORMAL, 1, 1, 1), worker -> {
                    if (calls.incrementAndGet() % 2 == 0) {
                        throw new IllegalStateException("simulated failure");
                    }
                }, new ThreadAccounting("flaky"));
        flaky.start();
        try {
            Await.until(() -> flaky.getCompletedTasks() >= 10 && flaky.failedTasks() >= 10);
        } finally {
            flaky.stop();
        }
    }

    @Test
    void stopEndsEveryWorker() {
        program.start();
        Await.until(() -> program.getCompletedTasks() >= 10);

        program.stop();

        long completed = program.getCompletedTasks();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("under-test-"));
        assertThat(program.getCompletedTasks()).isEqualTo(completed);
    }

}

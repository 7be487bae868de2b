package dev.memtrack.simulator.demo;

import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.WorkloadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A demo program: {@code maxParallelism} worker threads running one {@link ProgramTask} over and
 * over, of which only {@code parallelism} may run at once ({@link WorkerGate}); each worker rests
 * {@link ProgramProfile#thinkMillis()} after a task. So halving parallelism halves the program's
 * CPU and allocation rate, which is what the policy engine governs through {@link WorkloadMXBean}.
 *
 * <p>Priority sets the Java priority of the workers (CRITICAL max, NORMAL normal, BACKGROUND min);
 * Linux ignores Java priorities unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1} as
 * root, so priority matters mostly to the policy engine, which never throttles CRITICAL programs.
 *
 * <p>Rates are averages over the last {@value #WINDOW_SAMPLES} samples ({@link #sample()}, called
 * once a second by {@link DemoWorkload}). Thread-safe.
 */
public final class WorkloadProgram implements WorkloadMXBean {

    static final int WINDOW_SAMPLES = 5;

    private final ProgramProfile profile;
    private final ProgramTask task;
    private final WorkerGate gate;
    private final ThreadAccounting accounting;
    private final LatencyWindow latencies = new LatencyWindow();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Deque<ThreadUsage> samples = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile Priority priority;

    WorkloadProgram(ProgramProfile profile, ProgramTask task, ThreadAccounting accounting) {
        this.profile = profile;
        this.task = task;
        this.accounting = accounting;
        this.gate = new WorkerGate(profile.parallelism());
        setPriority(profile.priority());
    }

    /** Starts the workers. */
    synchronized void start() {
        if (!workers.isEmpty()) {
            throw new IllegalStateException(profile.name() + " is already started");
        }
        for (int i = 0; i < profile.maxParallelism(); i++) {
            int index = i;
            Thread worker = accounting.factory().newThread(() -> work(index));
            workers.add(worker);
            worker.start();
        }
        sample();
    }

    /** Stops the workers (a running task is interrupted) and releases what the task keeps. */
    synchronized void stop() {
        gate.close();
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        task.close();
    }

    private void work(int index) {
        try {
            while (gate.awaitTurn(index)) {
                try {
                    long start = System.nanoTime();
                    task.run(index);
                    long end = System.nanoTime();
                    latencies.record(end, end - start);
                    completed.increment();
                } catch (RuntimeException e) {
                    failed.increment();  // a failed task is not completed; the worker carries on
                } finally {
                    gate.finished();
                }
                Thread.sleep(profile.thinkMillis());
            }
        } catch (InterruptedException e) {
            // Stopping: the worker ends.
        }
    }

    /** Tasks running now (let through by the gate and not finished). */
    int runningTasks() {
        return gate.running();
    }

    /** Tasks that ended with an exception. */
    long failedTasks() {
        return failed.sum();
    }

    /** Records the counters now, keeping the last {@value #WINDOW_SAMPLES}. */
    void sample() {
        ThreadUsage now = accounting.read(completed.sum());
        synchronized (samples) {
            samples.addLast(now);
            if (samples.size() > WINDOW_SAMPLES) {
                samples.removeFirst();
            }
        }
    }

    @Override
    public String getName() {
        return profile.name();
    }

    @Override
    public String getPurpose() {
        return profile.purpose();
    }

    @Override
    public Priority getPriority() {
        return priority;
    }

    @Override
    public void setPriority(Priority priority) {
        if (priority == null) {
            throw new IllegalArgumentException("priority must be CRITICAL, NORMAL or BACKGROUND, was null");
        }
        this.priority = priority;
        accounting.setPriority(switch (priority) {
            case CRITICAL -> Thread.MAX_PRIORITY;
            case NORMAL -> Thread.NORM_PRIORITY;
            case BACKGROUND -> Thread.MIN_PRIORITY;
        });
    }

    @Override
    public int getParallelism() {
        return gate.parallelism();
    }

    @Override
    public void setParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > profile.maxParallelism()) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is out of range for "
                    + profile.name() + ": accepted 1 to " + profile.maxParallelism());
        }
        gate.setParallelism(parallelism);
    }

    @Override
    public int getMaxParallelism() {
        return profile.maxParallelism();
    }

    @Override
    public boolean isPaused() {
        return gate.paused();
    }

    @Override
    public void setPaused(boolean paused) {
        gate.setPaused(paused);
    }

    @Override
    public long getCompletedTasks() {
        return completed.sum();
    }

    @Override
    public double getTasksPerSecond() {
        return between((older, newer) -> newer.tasksPerSecondSince(older));
    }

    @Override
    public double getTaskLatencyP99Millis() {
        return latencies.percentileMillis(99, System.nanoTime());
    }

    @Override
    public long getAllocatedBytes() {
        return accounting.read(0).allocatedBytes();
    }

    @Override
    public double getAllocationRateBytesPerSecond() {
        return between((older, newer) -> newer.allocationRateSince(older));
    }

    @Override
    public double getCpuPercent() {
        return between((older, newer) -> newer.cpuPercentSince(older));
    }

    private interface Rate {
        double of(ThreadUsage older, ThreadUsage newer);
    }

    private double between(Rate rate) {
        synchronized (samples) {
            return samples.size() < 2 ? 0 : rate.of(samples.getFirst(), samples.getLast());
        }
    }

    @Override
    public String toString() {
        return profile.name() + " (" + priority + ", parallelism " + getParallelism() + "/"
                + profile.maxParallelism() + (isPaused() ? ", paused" : "") + ")";
    }
}

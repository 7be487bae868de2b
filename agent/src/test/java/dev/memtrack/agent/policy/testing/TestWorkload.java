package dev.memtrack.agent.policy.testing;

import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.WorkloadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A real program for the policy to govern: {@code parallelism} worker threads, each running small CPU
 * tasks that allocate, with a rest between tasks so tests stay light on a shared machine. Changing the
 * parallelism starts or stops (and joins) threads before it returns, so the live thread count is the
 * parallelism; pausing parks the workers. CPU and allocation figures are measured from the JVM's
 * per-thread counters.
 */
public final class TestWorkload implements WorkloadMXBean, AutoCloseable {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private final int maxParallelism;
    private final int bytesPerTask;
    private final List<Thread> workers = new ArrayList<>();
    private final Object pauseLock = new Object();
    private int parked;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong retiredCpuNanos = new AtomicLong();
    private final AtomicLong retiredAllocated = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile Priority priority;
    private volatile boolean paused;
    private MBeanServer server;
    private ObjectName objectName;
    private long lastCpuNanos;
    private long lastAllocated;
    private long lastSampleNanos = System.nanoTime();

    public TestWorkload(String name, Priority priority, int parallelism, int maxParallelism, int bytesPerTask) {
        this.name = name;
        this.priority = priority;
        this.maxParallelism = maxParallelism;
        this.bytesPerTask = bytesPerTask;
        setParallelism(parallelism);
    }

    /** Starts a workload and registers it as {@code memtrack:type=Workload,name=<name>}. */
    public static TestWorkload register(MBeanServer server, String name, Priority priority, int parallelism,
                                        int bytesPerTask) throws Exception {
        TestWorkload w = new TestWorkload(name, priority, parallelism, 8, bytesPerTask);
        w.server = server;
        w.objectName = MemtrackDomain.workload(name);
        server.registerMBean(new StandardMBean(w, WorkloadMXBean.class, true), w.objectName);
        return w;
    }

    /** Worker threads of this program alive in the JVM now, found by name among all threads. */
    public int liveThreads() {
        String prefix = "test-workload-" + name + "-";
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .count();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getPurpose() {
        return "test program: small CPU tasks that allocate";
    }

    @Override
    public Priority getPriority() {
        return priority;
    }

    @Override
    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    @Override
    public synchronized int getParallelism() {
        return workers.size();
    }

    @Override
    public void setParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism " + parallelism + " out of 1.." + maxParallelism);
        }
        List<Thread> stopping = new ArrayList<>();
        synchronized (this) {
            while (workers.size() < parallelism) {
                Thread t = new Thread(this::work, "test-workload-" + name + "-" + workers.size());
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            while (workers.size() > parallelism) {
                stopping.add(workers.remove(workers.size() - 1));
            }
        }
        // Joined outside the lock: a parked worker needs the pause lock, not this one, to leave.
        stopping.forEach(Thread::interrupt);
        stopping.forEach(TestWorkload::joinQuietly);
    }

    @Override
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    /** Pausing returns once every worker has finished its task and parked, as a real program's pause would. */
    @Override
    public void setPaused(boolean paused) {
        synchronized (pauseLock) {
            this.paused = paused;
            pauseLock.notifyAll();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (paused && parked < getParallelism() && System.nanoTime() < deadline) {
                try {
                    pauseLock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public long getCompletedTasks() {
        return completed.get();
    }

    @Override
    public double getTasksPerSecond() {
        return completed.get() / Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    @Override
    public double getTaskLatencyP99Millis() {
        return 1;
    }

    @Override
    public synchronized long getAllocatedBytes() {
        long sum = retiredAllocated.get();
        for (Thread t : workers) {
            sum += Math.max(0, THREADS.getThreadAllocatedBytes(t.getId()));
        }
        return sum;
    }

    @Override
    public synchronized double getAllocationRateBytesPerSecond() {
        sample();
        return rateAllocated;
    }

    @Override
    public synchronized double getCpuPercent() {
        sample();
        return cpuPercent;
    }

    private double cpuPercent;
    private double rateAllocated;

    private void sample() {
        long now = System.nanoTime();
        if (now - lastSampleNanos < 50_000_000L) {
            return;
        }
        long cpu = cpuNanos();
        long allocated = getAllocatedBytes();
        double seconds = (now - lastSampleNanos) / 1e9;
        cpuPercent = 100.0 * (cpu - lastCpuNanos) / 1e9 / seconds;
        rateAllocated = (allocated - lastAllocated) / seconds;
        lastCpuNanos = cpu;
        lastAllocated = allocated;
        lastSampleNanos = now;
    }

    private long cpuNanos() {
        long sum = retiredCpuNanos.get();
        for (Thread t : workers) {
            sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
        }
        return sum;
    }

    private void work() {
        long checksum = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (pauseLock) {
                    if (paused) {
                        parked++;
                        pauseLock.notifyAll();
                        try {
                            while (paused) {
                                pauseLock.wait();
                            }
                        } finally {
                            parked--;
                        }
                    }
                }
                byte[] data = new byte[bytesPerTask];
                for (int i = 0; i < data.length; i += 64) {
                    data[i] = (byte) i;
                    checksum += data[i];
                }
                completed.incrementAndGet();
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            // stopped by setParallelism or close
        } finally {
            retiredCpuNanos.addAndGet(Math.max(0, THREADS.getCurrentThreadCpuTime()));
            retiredAllocated.addAndGet(Math.max(0, THREADS.getCurrentThreadAllocatedBytes()));
            if (checksum == 42) {
                Thread.onSpinWait();
            }
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws javax.management.JMException {
        if (server != null && server.isRegistered(objectName)) {
            server.unregisterMBean(objectName);
        }
        List<Thread> all;
        synchronized (this) {
            all = new ArrayList<>(workers);
        }
        all.forEach(Thread::interrupt);
        all.forEach(TestWorkload::joinQuietly);
    }
}

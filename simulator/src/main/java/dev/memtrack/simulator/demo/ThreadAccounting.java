package dev.memtrack.simulator.demo;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a program's threads and adds up their CPU time and heap allocation from the JVM's
 * per-thread counters ({@code com.sun.management.ThreadMXBean}). A thread that ends reads its own
 * final counters first, so short-lived threads (the stress generator's) still count.
 *
 * <p>Thread-safe.
 */
final class ThreadAccounting {

    private static final com.sun.management.ThreadMXBean THREADS = enableCounters();

    private final String namePrefix;
    private final AtomicInteger created = new AtomicInteger();
    private final Set<Thread> live = new HashSet<>();
    private volatile int priority = Thread.NORM_PRIORITY;
    private long endedCpuNanos;
    private long endedAllocatedBytes;

    ThreadAccounting(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    /** Makes counted daemon threads named {@code <prefix>-<n>}. */
    ThreadFactory factory() {
        return task -> {
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    retire(Thread.currentThread());
                }
            }, namePrefix + "-" + created.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(priority);
            synchronized (this) {
                live.add(thread);
            }
            return thread;
        };
    }

    /** Sets the Java priority of every live and future thread (the OS may ignore it, Linux does by default). */
    synchronized void setPriority(int value) {
        priority = value;
        live.forEach(t -> t.setPriority(value));
    }

    /** Totals now; CPU or allocation is -1 when the JVM does not measure it. */
    synchronized ThreadUsage read(long completedTasks) {
        long[] ids = live.stream().filter(Thread::isAlive).mapToLong(Thread::getId).toArray();
        long cpu = -1;
        long allocated = -1;
        if (THREADS != null && THREADS.isThreadCpuTimeEnabled()) {
            cpu = endedCpuNanos + sumOfKnown(THREADS.getThreadCpuTime(ids));
        }
        if (THREADS != null && THREADS.isThreadAllocatedMemoryEnabled()) {
            allocated = endedAllocatedBytes + sumOfKnown(THREADS.getThreadAllocatedBytes(ids));
        }
        return new ThreadUsage(System.nanoTime(), completedTasks, cpu, allocated);
    }

    private synchronized void retire(Thread thread) {
        if (THREADS != null) {
            if (THREADS.isThreadCpuTimeEnabled()) {
                endedCpuNanos += Math.max(0, THREADS.getCurrentThreadCpuTime());
            }
            if (THREADS.isThreadAllocatedMemoryEnabled()) {
                endedAllocatedBytes += Math.max(0, THREADS.getCurrentThreadAllocatedBytes());
            }
        }
        live.remove(thread);
    }

    private static long sumOfKnown(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += Math.max(0, v);  // -1: the thread ended between listing and reading
        }
        return sum;
    }

    private static com.sun.management.ThreadMXBean enableCounters() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
            return null;
        }
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        if (threads.isThreadAllocatedMemorySupported() && !threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return threads;
    }
}

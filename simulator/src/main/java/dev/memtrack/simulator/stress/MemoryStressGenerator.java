package dev.memtrack.simulator.stress;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Allocates real heap, arrays written page by page so their memory is really committed, at a
 * target rate up to a target retained size, following a {@link StressPattern}; holds it; releases it
 * on {@link #stop()}. Targets above the safety cap (by default half of {@link Runtime#maxMemory()})
 * are refused, so the generator cannot run its host out of memory by request.
 *
 * <p>One background daemon thread does the work while running. {@link #start} and {@link #stop}
 * may be called from any thread; {@link #status()} is a consistent-enough snapshot of fields the
 * worker publishes (each field is exact, the set is read without a lock).
 */
public final class MemoryStressGenerator {

    /** Allocation unit: small enough to stay out of G1's humongous regions on small heaps. */
    public static final int CHUNK_BYTES = 256 * 1024;

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int PAGE = 4096;
    private static final long MIB = 1024 * 1024;

    private final long capBytes;
    private final ThreadFactory threadFactory;
    private final AtomicLong allocatedBytes = new AtomicLong();

    private Thread worker;
    private volatile boolean running;
    private volatile StressPattern pattern;
    private volatile StressPhase phase = StressPhase.IDLE;
    private volatile long targetBytes;
    private volatile long rateBytesPerSecond;
    private volatile long retainedBytes;
    private volatile String failure = "";

    /** A generator capped at half of the maximum heap. */
    public MemoryStressGenerator() {
        this(Runtime.getRuntime().maxMemory() / 2);
    }

    /** @param capBytes largest target accepted, {@code > 0} */
    public MemoryStressGenerator(long capBytes) {
        this(capBytes, runnable -> {
            Thread thread = new Thread(runnable, "memtrack-stress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param capBytes      largest target accepted, {@code > 0}
     * @param threadFactory makes the worker thread (which should be a daemon); lets a caller account
     *                      the allocations to its own threads
     */
    public MemoryStressGenerator(long capBytes, ThreadFactory threadFactory) {
        if (capBytes <= 0) {
            throw new IllegalArgumentException("safety cap must be > 0 bytes, was " + capBytes);
        }
        this.capBytes = capBytes;
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    }

    /**
     * Starts, or restarts (releasing what the previous run held).
     *
     * @param targetBytes        retained heap to reach, 1 to {@link #capBytes()}
     * @param rateBytesPerSecond full allocation rate, {@code > 0}
     * @param pattern            how retained heap moves over time
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public synchronized void start(long targetBytes, long rateBytesPerSecond, StressPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("target must be > 0 bytes, was " + targetBytes);
        }
        if (targetBytes > capBytes) {
            throw new IllegalArgumentException("target " + describe(targetBytes) + " exceeds the safety cap of "
                    + describe(capBytes) + "; choose a target up to the cap");
        }
        if (rateBytesPerSecond <= 0) {
            throw new IllegalArgumentException("rate must be > 0 bytes/s, was " + rateBytesPerSecond);
        }
        stop();
        this.pattern = pattern;
        this.targetBytes = targetBytes;
        this.rateBytesPerSecond = rateBytesPerSecond;
        this.failure = "";
        StressSchedule schedule = new StressSchedule(pattern, targetBytes, rateBytesPerSecond, CHUNK_BYTES,
                System.nanoTime());
        running = true;
        phase = schedule.phase();
        worker = threadFactory.newThread(() -> run(schedule));
        worker.start();
    }

    /** Stops the run, if any, and releases everything it retains; returns when the memory is released. */
    public synchronized void stop() {
        Thread current = worker;
        if (current == null) {
            return;
        }
        running = false;
        LockSupport.unpark(current);
        boolean interrupted = false;
        while (current.isAlive()) {
            try {
                current.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        worker = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    public long retainedBytes() {
        return retainedBytes;
    }

    /** Bytes allocated since this generator was created, over all runs. */
    public long allocatedBytes() {
        return allocatedBytes.get();
    }

    public long capBytes() {
        return capBytes;
    }

    public StressSnapshot status() {
        return new StressSnapshot(running, pattern, phase, targetBytes, rateBytesPerSecond, retainedBytes,
                allocatedBytes.get(), capBytes, failure);
    }

    private void run(StressSchedule schedule) {
        ArrayDeque<byte[]> retained = new ArrayDeque<>();
        long held = 0;
        try {
            while (running) {
                StressSchedule.Action action = schedule.tick(System.nanoTime(), held);
                if (action.releaseToBytes() >= 0) {
                    while (held > action.releaseToBytes() && !retained.isEmpty()) {
                        held -= retained.removeLast().length;
                    }
                }
                for (long left = action.allocateBytes(); left > 0 && running; ) {
                    int size = (int) Math.min(left, CHUNK_BYTES);
                    retained.addLast(touched(size));
                    held += size;
                    left -= size;
                    allocatedBytes.addAndGet(size);
                    retainedBytes = held;
                }
                retainedBytes = held;
                phase = schedule.phase();
                LockSupport.parkNanos(TICK_NANOS);
            }
        } catch (OutOfMemoryError e) {
            retained.clear();
            failure = "out of memory with " + describe(held) + " retained: released everything and stopped";
        } finally {
            retained.clear();
            retainedBytes = 0;
            phase = StressPhase.IDLE;
            running = false;
        }
    }

    private static byte[] touched(int size) {
        byte[] chunk = new byte[size];
        for (int i = 0; i < size; i += PAGE) {
            chunk[i] = (byte) (i >>> 12 | 1);
        }
        chunk[size - 1] = 1;
        return chunk;
    }

    private static String describe(long bytes) {
        return bytes % MIB == 0 ? (bytes / MIB) + " MiB (" + bytes + " bytes)" : bytes + " bytes";
    }
}

package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.table.SizeBuckets;
import dev.memtrack.agent.alloc.table.SpaceSaving;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded since the tracker started or was last reset: the bounded site and stack
 * tables, each thread's state, and the JVM counters at the start. A reset replaces the whole
 * recording, so threads never have to clear their own state on someone else's behalf.
 *
 * <p>Threads write their own {@link ThreadState} without locks. The tables and the list of
 * threads are guarded by this object's monitor, taken only on slow paths: a sample, a full
 * per-thread buffer, a new thread, a snapshot.
 */
public final class Recording {

    private static final int RETIRED_THREADS = 1000;
    /** Slots of the per-thread cache in front of the ThreadLocal, indexed by thread id. */
    private static final int THREAD_SLOTS = 4096;

    final long startedAtMillis = System.currentTimeMillis();
    final long jvmTotalAtStart;
    private final Map<Long, Long> jvmBytesAtStart = new HashMap<>();
    private final JvmAllocationCounters jvm;
    private final Sampling sampling;

    private final SpaceSaving<Integer> sites;
    private final SpaceSaving<StackKey> stacks;
    private final List<ThreadState> live = new ArrayList<>();
    /** Ended threads, the lightest first out when more than {@link #RETIRED_THREADS}. */
    private final java.util.PriorityQueue<RetiredThread> retired =
            new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(RetiredThread::bytes));
    private final long[] retiredBuckets = new long[SizeBuckets.COUNT];
    private long retiredMaxBytes;
    private long retiredOwnBytes;
    private long retiredSamples;
    private volatile boolean estimated;

    /**
     * The fast way to a thread's state: the slot of its id, checked to be its own. A thread whose
     * slot holds another's falls back to {@link #states} (the one true owner of each state) and
     * takes the slot over; plain racy writes are fine, since a reader only trusts a state whose
     * (final) thread is itself.
     */
    private final ThreadState[] byThreadId = new ThreadState[THREAD_SLOTS];
    private final ThreadLocal<ThreadState> states = new ThreadLocal<>() {
        @Override
        protected ThreadState initialValue() {
            return register(Thread.currentThread());
        }
    };

    public Recording(JvmAllocationCounters jvm, Sampling sampling, int maxSites) {
        this.jvm = jvm;
        this.sampling = sampling;
        this.sites = new SpaceSaving<>(maxSites);
        this.stacks = new SpaceSaving<>(maxSites);
        long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
        long[] bytes = jvm.threads(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                jvmBytesAtStart.put(ids[i], bytes[i]);
            }
        }
        this.jvmTotalAtStart = jvm.total();
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** JVM-wide bytes allocated since this recording started. */
    public long jvmBytesSinceStart() {
        return jvm.total() - jvmTotalAtStart;
    }

    /** Whether any figure of this recording is a sampled estimate. */
    public boolean isEstimated() {
        return estimated;
    }

    ThreadState state() {
        return state(byThreadId);
    }

    /** The calling thread's state through {@code slots}, this recording's thread slots (recorders keep them at hand). */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() only exists from JDK 19
    ThreadState state(ThreadState[] slots) {
        Thread t = Thread.currentThread();
        ThreadState s = slots[(int) t.getId() & (THREAD_SLOTS - 1)];
        return s != null && s.thread == t ? s : stateOf(t);
    }

    ThreadState[] threadSlots() {
        return byThreadId;
    }

    @SuppressWarnings("deprecation")
    private ThreadState stateOf(Thread t) {
        ThreadState s = states.get();
        byThreadId[(int) t.getId() & (THREAD_SLOTS - 1)] = s;
        return s;
    }

    private ThreadState register(Thread thread) {
        long before = jvm.currentThread();
        ThreadState s = new ThreadState(thread, sampling.seedFor(thread), sampling.intervalBytes());
        synchronized (this) {
            live.add(s);
        }
        s.ownBytes += jvm.since(before);
        return s;
    }

    /** Moves a thread's exact counts into the site table; called by that thread. */
    synchronized void drain(ThreadState t) {
        drainCounts(t);
        t.counts.clear();
    }

    private void drainCounts(ThreadState t) {
        SiteCounts c = t.counts;
        for (int i = 0; i < c.keys.length; i++) {
            if (c.keys[i] != 0) {
                long count = c.values[2 * i];
                long bytes = c.values[2 * i + 1];
                sites.add(c.keys[i] - 1, count, bytes, false);
                t.drainedCount += count;
                t.drainedBytes += bytes;
            }
        }
    }

    /**
     * Records one sample of thread {@code t}: its stack always; its site and thread figures too when
     * counts are sampled rather than exact (under the lock, so snapshots see sites and threads agree).
     */
    synchronized void addSample(ThreadState t, int site, long count, long bytes, StackKey stack,
                                boolean siteIsEstimated) {
        if (siteIsEstimated) {
            sites.add(site, count, bytes, true);
            t.estimatedCount += count;
            t.estimatedBytes += bytes;
            estimated = true;
        }
        stacks.add(stack, count, bytes, true);
    }

    /**
     * Folds the states of threads that have ended into the tables (a thread's last writes
     * happen-before {@code isAlive()} returns false) and refreshes the JVM counter of live ones.
     */
    public synchronized void retireEndedThreads() {
        long[] ids = new long[live.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = live.get(i).threadId;
        }
        long[] bytes = jvm.threads(ids);
        int i = 0;
        for (Iterator<ThreadState> it = live.iterator(); it.hasNext(); i++) {
            ThreadState t = it.next();
            if (t.thread.isAlive()) {
                if (bytes[i] >= 0) {
                    t.lastJvmBytes = bytes[i];
                }
                continue;
            }
            it.remove();
            forgetSlot(t);
            drainCounts(t);
            addBuckets(retiredBuckets, t.sizeBuckets);
            retiredMaxBytes = Math.max(retiredMaxBytes, t.maxBytes);
            retiredOwnBytes += t.ownBytes;
            retiredSamples += t.samples;
            retire(new RetiredThread(t.threadId, t.thread.getName(), t.drainedCount + t.estimatedCount,
                    t.drainedBytes + t.estimatedBytes, jvmBytesSinceStart(t.threadId, t.lastJvmBytes),
                    t.estimatedCount > 0));
        }
    }

    /**
     * Empties the ended thread's slot, unless another thread has taken it over: left there, the state would
     * keep the {@code Thread} (and through it its context class loader) and its buffers reachable until
     * a thread with the same slot came along, up to {@value #THREAD_SLOTS} dead threads at a time.
     */
    private void forgetSlot(ThreadState t) {
        int slot = (int) t.threadId & (THREAD_SLOTS - 1);
        if (byThreadId[slot] == t) {
            byThreadId[slot] = null;
        }
    }

    private void retire(RetiredThread r) {
        retired.add(r);
        if (retired.size() > RETIRED_THREADS) {
            retired.poll();
        }
    }

    private static void addBuckets(long[] into, long[] from) {
        if (from != null) {
            for (int b = 0; b < into.length; b++) {
                into[b] += from[b];
            }
        }
    }

    private long jvmBytesSinceStart(long threadId, long jvmBytes) {
        return jvmBytes < 0 ? -1 : jvmBytes - jvmBytesAtStart.getOrDefault(threadId, 0L);
    }

    /** Copies what a snapshot needs, under the lock; building rows happens outside it. */
    synchronized RawView read() {
        Map<Integer, long[]> buffered = new HashMap<>();
        List<ThreadFigures> threads = new ArrayList<>(live.size() + retired.size());
        long[] buckets = retiredBuckets.clone();
        long maxBytes = retiredMaxBytes;
        long ownBytes = retiredOwnBytes;
        long samples = retiredSamples;
        long[] ids = new long[live.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = live.get(i).threadId;
        }
        long[] counts = new long[ids.length];
        long[] countedBytes = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ThreadState t = live.get(i);
            SiteCounts c = t.counts;
            long count = 0;
            long bytes = 0;
            for (int k = 0; k < c.keys.length; k++) {
                int key = c.keys[k];
                if (key != 0) {
                    long n = c.values[2 * k];
                    long b = c.values[2 * k + 1];
                    long[] sum = buffered.computeIfAbsent(key - 1, x -> new long[2]);
                    sum[0] += n;
                    sum[1] += b;
                    count += n;
                    bytes += b;
                }
            }
            counts[i] = t.drainedCount + count + t.estimatedCount;
            countedBytes[i] = t.drainedBytes + bytes + t.estimatedBytes;
            addBuckets(buckets, t.sizeBuckets);
            maxBytes = Math.max(maxBytes, t.maxBytes);
            ownBytes += t.ownBytes;
            samples += t.samples;
        }
        // After the counts: a live thread's JVM figure then covers every allocation counted for it.
        long[] jvmBytes = jvm.threads(ids);
        for (int i = 0; i < ids.length; i++) {
            ThreadState t = live.get(i);
            if (jvmBytes[i] >= 0) {
                t.lastJvmBytes = jvmBytes[i];
            }
            threads.add(new ThreadFigures(t.threadId, t.thread.getName(), counts[i], countedBytes[i],
                    jvmBytesSinceStart(t.threadId, t.lastJvmBytes), t.estimatedCount > 0));
        }
        for (RetiredThread r : retired) {
            threads.add(new ThreadFigures(r.threadId(), r.name(), r.count(), r.bytes(), r.jvmBytes(), r.estimated()));
        }
        long bufferedCount = 0;
        long bufferedBytes = 0;
        for (long[] v : buffered.values()) {
            bufferedCount += v[0];
            bufferedBytes += v[1];
        }
        return new RawView(sites.rows(), sites.isFull() ? sites.minBytes() : 0, buffered, stacks.rows(), threads,
                buckets, maxBytes, sites.totalCount() + bufferedCount, sites.totalBytes() + bufferedBytes,
                ownBytes, samples, estimated);
    }

    /** Bytes the tracker allocated on the calling thread in this recording (samples, growing its buffer). */
    public long ownBytesOfCurrentThread() {
        return state().ownBytes;
    }

    private record RetiredThread(long threadId, String name, long count, long bytes, long jvmBytes,
                                 boolean estimated) {
    }

    /** Per-thread figures as read at one moment. */
    record ThreadFigures(long threadId, String name, long count, long bytes, long jvmBytes, boolean estimated) {
    }

    /**
     * Raw figures of one moment.
     *
     * @param sites         the bounded site table
     * @param minSiteBytes  what a key absent from a full table may have lost (0 when not full)
     * @param buffered      exact counts still in threads' buffers: site → {count, bytes}
     * @param trackedCount  all allocations recorded (exact or estimated)
     * @param trackedBytes  all bytes recorded
     */
    record RawView(List<SpaceSaving.Row<Integer>> sites, long minSiteBytes, Map<Integer, long[]> buffered,
                   List<SpaceSaving.Row<StackKey>> stacks, List<ThreadFigures> threads, long[] sizeBuckets,
                   long maxBytes, long trackedCount, long trackedBytes, long ownBytes, long samples,
                   boolean estimated) {
    }
}

package dev.memtrack.agent.alloc.record;

import dev.memtrack.agent.alloc.site.ClassInfo;
import dev.memtrack.agent.alloc.site.ClassInfos;
import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import dev.memtrack.agent.alloc.table.SizeBuckets;
import dev.memtrack.agent.bootstrap.AllocationSink;
import java.util.function.Consumer;

/**
 * The allocation sink of one mode over one {@link Recording}. Subclasses decide what one
 * allocation costs ({@link #record}); this class turns every allocation form into calls of it:
 * sizes of instances (once per site) and arrays (from the length), every level of a
 * multi-dimensional array, reflective arrays and instances, and clones that reach the JVM's
 * {@code Object.clone}.
 *
 * <p>Fast paths allocate nothing. Slow paths (a sample, a new site, a full buffer) measure what
 * they allocate with the thread's JVM counter and book it as the tracker's own bytes.
 */
public abstract sealed class Recorder implements AllocationSink permits ExactRecorder, SampledRecorder {

    final Recording recording;
    private final ThreadState[] threadSlots;
    final SiteRegistry registry;
    final ClassInfos classes;
    final Sampling sampling;
    final JvmAllocationCounters jvm;
    private final StackSampler stacks;
    private final Consumer<Throwable> onFailure;
    private final long alignMask;

    Recorder(Parts parts) {
        this.recording = parts.recording();
        this.threadSlots = recording.threadSlots();
        this.registry = parts.registry();
        this.classes = parts.classes();
        this.sampling = parts.sampling();
        this.jvm = parts.jvm();
        this.stacks = new StackSampler(parts.stackDepth());
        this.onFailure = parts.onFailure();
        this.alignMask = parts.sizes().alignMask();
    }

    /**
     * What a recorder is made of.
     *
     * @param onFailure told when a hook threw and recording was switched off
     */
    public record Parts(Recording recording, SiteRegistry registry, ClassInfos classes, ObjectSizes sizes,
                        Sampling sampling, JvmAllocationCounters jvm, int stackDepth, Consumer<Throwable> onFailure) {
    }

    /** Accounts one allocation of {@code size} bytes at {@code site} on thread {@code t}. */
    abstract void record(ThreadState t, int site, long size);

    public Recording recording() {
        return recording;
    }

    final ThreadState state() {
        return recording.state(threadSlots);
    }

    @Override
    public final void newObject(Class<?> type, int site) {
        int size = registry.instanceSize(site);
        if (size == 0) {
            size = resolveInstanceSize(type, site);
        }
        record(state(), site, size);
    }

    @Override
    public final void newArray(int length, int site, int layout) {
        record(state(), site, ObjectSizes.arraySize(layout, length, alignMask));
    }

    @Override
    public final void newMultiArray(Object array, int dimensions, int firstSite) {
        ThreadState t = state();
        Class<?> type = array.getClass();
        walk(t, array, classes.get(type), firstSite, -1, 0, dimensions);
    }

    @Override
    public final void newReflectiveArray(Object array, int dimensions, int location) {
        ThreadState t = state();
        ClassInfo info = classes.get(array.getClass());
        walk(t, array, info, dynamicSite(t, info, location), location, 0, dimensions);
    }

    @Override
    public final void newInstance(Object instance, int location) {
        if (instance != null) {
            recordDynamic(state(), instance, classes.get(instance.getClass()), location);
        }
    }

    @Override
    public final void cloneArray(Object copy, int location) {
        if (copy != null) {
            recordDynamic(state(), copy, classes.get(copy.getClass()), location);
        }
    }

    @Override
    public final void cloneVirtual(Object receiver, Object copy, int location) {
        if (copy != null && classes.get(receiver.getClass()).cloneReachesObject()) {
            recordDynamic(state(), copy, classes.get(copy.getClass()), location);
        }
    }

    @Override
    public final void cloneSuper(Object copy, Class<?> owner, int location) {
        if (copy != null && (owner == null || classes.get(owner).cloneReachesObject())) {
            recordDynamic(state(), copy, classes.get(copy.getClass()), location);
        }
    }

    @Override
    public final void failed(Throwable problem) {
        onFailure.accept(problem);
    }

    private void recordDynamic(ThreadState t, Object instance, ClassInfo info, int location) {
        record(t, dynamicSite(t, info, location), info.sizeOf(instance));
    }

    /**
     * Counts an array and, down to {@code dimensions} levels, every sub-array in it, as the JVM
     * allocated them. Static sites are consecutive from {@code site}; dynamic ones ({@code location}
     * >= 0) are looked up per level.
     */
    private void walk(ThreadState t, Object array, ClassInfo info, int site, int location, int level, int dimensions) {
        int length = java.lang.reflect.Array.getLength(array);
        record(t, site, ObjectSizes.arraySize(info.arrayLayout(), length, alignMask));
        if (level + 1 >= dimensions || length == 0 || !(array instanceof Object[] rows)) {
            return;
        }
        Object first = rows[0];
        if (first == null) {
            return;
        }
        ClassInfo child = classes.get(first.getClass());
        int childSite = location < 0 ? site + 1 : dynamicSite(t, child, location);
        for (Object row : rows) {
            if (row != null) {
                walk(t, row, child, childSite, location, level + 1, dimensions);
            }
        }
    }

    private int dynamicSite(ThreadState t, ClassInfo info, int location) {
        long before = jvm.currentThread();
        int site = info.siteAt(location, registry);
        t.ownBytes += jvm.since(before);
        return site;
    }

    private int resolveInstanceSize(Class<?> type, int site) {
        long before = jvm.currentThread();
        int size = (int) classes.get(type).instanceSize();
        if (registry.isSite(site)) {
            registry.setInstanceSize(site, size);
        }
        state().ownBytes += jvm.since(before);
        return size;
    }

    /**
     * The countdown ran out: takes a sample of {@code size} bytes at {@code site}, standing for
     * {@link PoissonSampling#countWeight} allocations, with its stack. When {@code estimateSite},
     * the sample is also what the site, thread and size distribution learn of the allocation.
     */
    final void sample(ThreadState t, int site, long size, boolean estimateSite) {
        long before = jvm.currentThread();
        long count = t.takeSample(size, sampling.intervalBytes());
        long bytes = count * size;
        if (estimateSite) {
            t.sizeBuckets()[SizeBuckets.bucket(size)] += count;
            if (size > t.maxBytes) {
                t.maxBytes = size;
            }
        }
        StackKey stack = stacks.capture(registry.site(site).type());
        recording.addSample(t, site, count, bytes, stack, estimateSite);
        t.ownBytes += jvm.since(before);
    }

    /** The thread's size buckets, allocated now (booked as the tracker's own bytes). */
    final long[] firstBuckets(ThreadState t) {
        long before = jvm.currentThread();
        long[] b = t.sizeBuckets();
        t.ownBytes += jvm.since(before);
        return b;
    }

    /** The thread's exact buffer is full: grow it, or once at its largest, drain it into the table. */
    final void makeRoom(ThreadState t, int site, long size) {
        long before = jvm.currentThread();
        SiteCounts c = t.counts;
        if (c.capacity() < ThreadState.MAX_SITES) {
            t.counts = new SiteCounts(c, c.capacity() * 2);
        } else {
            recording.drain(t);
        }
        t.counts.add(site, 1, size);
        t.ownBytes += jvm.since(before);
    }
}

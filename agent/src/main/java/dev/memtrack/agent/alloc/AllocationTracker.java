package dev.memtrack.agent.alloc;

import dev.memtrack.agent.alloc.instrument.BootstrapInjection;
import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.agent.alloc.record.Sampling;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.InstrumentationFailure;
import dev.memtrack.mbeans.SiteRow;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Allocation tracking: instruments the allocations of the selected classes and records them per
 * site, type and thread, exactly or sampled, with exact totals from the JVM's counters.
 *
 * <p>One tracker runs per JVM at a time; {@link #close()} it before starting another. This class
 * refers to nothing in {@code dev.memtrack.agent.bootstrap}: {@link #start} first puts those hooks
 * on the bootstrap class path, then loads the engine that uses them.
 */
public final class AllocationTracker implements AutoCloseable {

    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final AllocationEngine engine;
    private final Allocations mbean;

    private AllocationTracker(AllocationEngine engine) {
        this.engine = engine;
        this.mbean = new Allocations(engine);
    }

    /**
     * Installs the instrumentation and starts tracking.
     *
     * @param inst     an Instrumentation that can retransform classes
     * @param settings what to track and how
     * @param warnOnce where to report, once each, problems the tracker survives (classes it could
     *                 not instrument, an internal error that made it switch itself off)
     * @throws IllegalStateException with the reason, if tracking cannot start; nothing is left installed
     */
    public static AllocationTracker start(Instrumentation inst, AllocationSettings settings,
                                          Consumer<String> warnOnce) {
        return start(inst, settings, warnOnce, new Sampling(settings.intervalBytes(), System.nanoTime(), false));
    }

    /** With a chosen sampling seed, so tests can replay the same samples (same thread names, same allocations). */
    static AllocationTracker start(Instrumentation inst, AllocationSettings settings, Consumer<String> warnOnce,
                                   long seed) {
        return start(inst, settings, warnOnce, new Sampling(settings.intervalBytes(), seed, true));
    }

    private static AllocationTracker start(Instrumentation inst, AllocationSettings settings,
                                           Consumer<String> warnOnce, Sampling sampling) {
        Objects.requireNonNull(inst, "inst");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(warnOnce, "warnOnce");
        if (!inst.isRetransformClassesSupported()) {
            throw new IllegalStateException("Allocation tracking needs an agent that can retransform classes "
                    + "(Can-Retransform-Classes: true in the agent jar's manifest)");
        }
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("Allocation tracking is already running in this JVM; close it first");
        }
        try {
            BootstrapInjection.ensureInjected(inst, AllocationTracker.class.getClassLoader());
            return new AllocationTracker(AllocationEngine.start(inst, settings, warnOnce, sampling));
        } catch (RuntimeException | LinkageError e) {
            RUNNING.set(false);
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("Cannot start allocation tracking: " + e, e);
        }
    }

    /** The implementation to register as {@link AllocationsMXBean#OBJECT_NAME}. */
    public AllocationsMXBean mbean() {
        return mbean;
    }

    /** Totals, rates, mode and the top sites now (at most a second old). */
    public AllocationSummary summary() {
        RecordingSnapshot s = engine.snapshot();
        List<SiteRow> sites = s.sites();
        return new AllocationSummary(engine.mode(), s.estimated(), engine.problem(), s.sinceMillis(),
                s.capturedAtMillis(), s.totalAllocatedBytes(), s.trackedCount(), s.trackedBytes(),
                s.unattributedBytes(), engine.agentOwnBytes(s), s.samples(), engine.rates(), s.sizes(),
                engine.instrumentedClasses(), engine.failureCount(),
                sites.subList(0, Math.min(AllocationSummary.TOP_SITES, sites.size())));
    }

    /** Classes left unchanged because instrumenting them failed (the first 1000). */
    public List<InstrumentationFailure> instrumentationFailures() {
        return engine.failures();
    }

    /** Why tracking stopped itself, or empty while healthy. */
    public String problem() {
        return engine.problem();
    }

    /** Turns the hooks off and restores the original code of every instrumented class. */
    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            RUNNING.set(false);
        }
    }

    /** A snapshot taken now rather than cached (for tests). */
    RecordingSnapshot snapshotNow() {
        return engine.snapshotNow();
    }

    /** Bytes the tracker allocated on the calling thread since the last reset (for tests). */
    long ownBytesOfCurrentThread() {
        return engine.ownBytesOfCurrentThread();
    }

    AllocationEngine engine() {
        return engine;
    }
}

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
 * refers to nothing in {@code dev.memtrack.agent.bootstrap}: {@link #start} first defines those
 * hooks in the bootstrap class loader, then loads the engine that uses them.
 *
 * <p>The tracker never stops the application and never logs a failure of its own hooks: it
 * switches recording off and says why in {@link #problem()}, which its owner reports.
 */
public final class AllocationTracker implements AutoCloseable {

    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final AllocationEngine engine;
    private final Allocations mbean;
    private final BootstrapInjection.Outcome hooksInjection;

    private AllocationTracker(AllocationEngine engine, BootstrapInjection.Outcome hooksInjection) {
        this.engine = engine;
        this.mbean = new Allocations(engine);
        this.hooksInjection = hooksInjection;
    }

    /**
     * Installs the instrumentation and starts tracking.
     *
     * @param inst     an Instrumentation that can retransform classes
     * @param settings what to track and how
     * @param warnOnce where to report, once each kind, problems the tracker survives (the first class
     *                 it could not instrument, sizes it could not check, the fallback of the hooks'
     *                 injection)
     * @param failed   told of every class that could not be instrumented (it was loaded unchanged),
     *                 on the thread that loaded it
     * @throws IllegalStateException with the reason, if tracking cannot start; nothing is left installed
     */
    public static AllocationTracker start(Instrumentation inst, AllocationSettings settings,
                                          Consumer<String> warnOnce, Consumer<InstrumentationFailure> failed) {
        return start(inst, settings, warnOnce, failed,
                new Sampling(settings.intervalBytes(), System.nanoTime(), false));
    }

    /** Without a listener for classes that could not be instrumented ({@link #instrumentationFailures()} lists them). */
    public static AllocationTracker start(Instrumentation inst, AllocationSettings settings,
                                          Consumer<String> warnOnce) {
        return start(inst, settings, warnOnce, failure -> { });
    }

    /** With a chosen sampling seed, so tests can replay the same samples (same thread names, same allocations). */
    static AllocationTracker start(Instrumentation inst, AllocationSettings settings, Consumer<String> warnOnce,
                                   long seed) {
        return start(inst, settings, warnOnce, failure -> { }, new Sampling(settings.intervalBytes(), seed, true));
    }

    private static AllocationTracker start(Instrumentation inst, AllocationSettings settings,
                                           Consumer<String> warnOnce, Consumer<InstrumentationFailure> failed,
                                           Sampling sampling) {
        Objects.requireNonNull(inst, "inst");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(warnOnce, "warnOnce");
        Objects.requireNonNull(failed, "failed");
        if (!inst.isRetransformClassesSupported()) {
            throw new IllegalStateException("Allocation tracking needs an agent that can retransform classes "
                    + "(Can-Retransform-Classes: true in the agent jar's manifest)");
        }
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("Allocation tracking is already running in this JVM; close it first");
        }
        try {
            BootstrapInjection.Outcome injection =
                    BootstrapInjection.ensureInjected(inst, AllocationTracker.class.getClassLoader(), warnOnce);
            return new AllocationTracker(AllocationEngine.start(inst, settings, warnOnce, failed, sampling), injection);
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
                engine.instrumentedClasses(), engine.retransformedClasses(), engine.failureCount(),
                sites.subList(0, Math.min(AllocationSummary.TOP_SITES, sites.size())));
    }

    /** Classes left unchanged because instrumenting them failed (the first 1000). */
    public List<InstrumentationFailure> instrumentationFailures() {
        return engine.failures();
    }

    /**
     * Why tracking stopped itself (recording is then off; setting a mode tries again), or empty while
     * healthy. The tracker does not log this: its owner does.
     */
    public String problem() {
        return engine.problem();
    }

    /** How the allocation hooks reached the bootstrap class loader. */
    public BootstrapInjection.Outcome hooksInjection() {
        return hooksInjection;
    }

    /**
     * Turns the hooks off and restores the original code of every instrumented class (not when the
     * JVM is shutting down: then the transformer is only removed, so that the exit is not delayed).
     */
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

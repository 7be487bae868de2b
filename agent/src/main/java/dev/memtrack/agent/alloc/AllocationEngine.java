package dev.memtrack.agent.alloc;

import dev.memtrack.agent.alloc.instrument.AllocationInstaller;
import dev.memtrack.agent.alloc.instrument.TypeSelection;
import dev.memtrack.agent.alloc.record.ExactRecorder;
import dev.memtrack.agent.alloc.record.JvmAllocationCounters;
import dev.memtrack.agent.alloc.record.Recorder;
import dev.memtrack.agent.alloc.record.Recording;
import dev.memtrack.agent.alloc.record.RecordingSnapshot;
import dev.memtrack.agent.alloc.record.SampledRecorder;
import dev.memtrack.agent.alloc.record.Sampling;
import dev.memtrack.agent.alloc.record.SnapshotBuilder;
import dev.memtrack.agent.alloc.record.Warmup;
import dev.memtrack.agent.alloc.site.ClassInfos;
import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import dev.memtrack.agent.alloc.table.RateWindows;
import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationRates;
import dev.memtrack.mbeans.InstrumentationFailure;
import dev.memtrack.mbeans.SizePercentiles;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The running allocation tracker: the recording, the sink of the current mode, the installed
 * instrumentation and a once-a-second ticker (rates, ended threads). Refers to the bootstrap hooks,
 * so it is loaded only after they were injected (see {@link AllocationTracker#start}).
 *
 * <p>Mode changes, resets and close are serialized on this object; hooks in flight finish on the
 * sink they started with, which stays valid.
 */
final class AllocationEngine {

    private static final long SNAPSHOT_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AllocationSettings settings;
    /** Reports each kind of problem once: a persistent one must not flood the agent's log. */
    private final Consumer<String> warnOnce;
    private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final SiteRegistry registry = SiteRegistry.shared();
    private final JvmAllocationCounters jvm;
    private final ObjectSizes sizes;
    private final ClassInfos classes;
    private final Sampling sampling;
    private final SnapshotBuilder snapshots;
    private final RateWindows rates = new RateWindows(64);
    private final AtomicLong housekeepingBytes = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private final Consumer<InstrumentationFailure> failed;
    private AllocationInstaller installer;

    private volatile Recording recording;
    private volatile AllocationMode mode;
    private volatile String problem = "";
    private volatile RecordingSnapshot cached;
    private volatile long cachedAtNanos;
    private long ownBytesAtReset;
    private boolean closed;

    private AllocationEngine(Instrumentation inst, AllocationSettings settings, Consumer<String> warnOnce,
                             Consumer<InstrumentationFailure> failed, Sampling sampling) {
        this.settings = settings;
        this.warnOnce = warnOnce;
        this.failed = failed;
        this.jvm = JvmAllocationCounters.open();
        this.sizes = ObjectSizes.calibrate(inst, message -> warn("sizes", message));
        this.classes = new ClassInfos(sizes);
        this.sampling = sampling;
        this.snapshots = new SnapshotBuilder(registry, settings.maxSites());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "memtrack-allocations");
            t.setDaemon(true);
            return t;
        });
    }

    static AllocationEngine start(Instrumentation inst, AllocationSettings settings, Consumer<String> warnOnce,
                                  Consumer<InstrumentationFailure> failed, Sampling sampling) {
        AllocationEngine engine = new AllocationEngine(inst, settings, warnOnce, failed, sampling);
        Warmup.exercise(engine.parts(new Recording(engine.jvm, sampling, AllocationSettings.MIN_MAX_SITES)),
                engine.snapshots);
        synchronized (engine) {
            engine.recording = new Recording(engine.jvm, sampling, settings.maxSites());
            engine.switchTo(settings.mode());
            try {
                engine.installer = AllocationInstaller.install(inst,
                        new TypeSelection(settings.include(), settings.exclude(), AllocationEngine.class),
                        engine.registry, engine.sizes, engine.jvm, message -> engine.warn("instrumentation", message),
                        engine.failed);
            } catch (RuntimeException | LinkageError e) {
                AllocationHooks.install(null);
                throw new IllegalStateException("Cannot install the allocation instrumentation: " + e, e);
            }
        }
        engine.rates.record(System.nanoTime(), engine.jvm.total());
        engine.ticker.scheduleAtFixedRate(engine::tick, 1, 1, TimeUnit.SECONDS);
        return engine;
    }

    private Recorder.Parts parts(Recording r) {
        return new Recorder.Parts(r, registry, classes, sizes, sampling, jvm, settings.stackDepth(), this::hookFailed);
    }

    AllocationMode mode() {
        return mode;
    }

    synchronized void setMode(AllocationMode newMode) {
        Objects.requireNonNull(newMode, "mode");
        if (!closed) {
            problem = "";
            switchTo(newMode);
        }
    }

    private void switchTo(AllocationMode newMode) {
        mode = newMode;
        AllocationHooks.install(switch (newMode) {
            case OFF -> null;
            case EXACT -> new ExactRecorder(parts(recording));
            case SAMPLED -> new SampledRecorder(parts(recording));
        });
    }

    long samplingIntervalBytes() {
        return sampling.intervalBytes();
    }

    void setSamplingIntervalBytes(long bytes) {
        sampling.setIntervalBytes(bytes);
    }

    /** Starts a new recording: tables, counters and histograms empty, JVM baselines taken now. */
    synchronized void reset() {
        if (closed) {
            return;
        }
        recording = new Recording(jvm, sampling, settings.maxSites());
        ownBytesAtReset = installer.transformBytes() + housekeepingBytes.get();
        cached = null;
        switchTo(mode);
    }

    /** The latest snapshot, rebuilt when older than a second. */
    RecordingSnapshot snapshot() {
        RecordingSnapshot s = cached;
        if (s != null && System.nanoTime() - cachedAtNanos < SNAPSHOT_MAX_AGE_NANOS) {
            return s;
        }
        return snapshotNow();
    }

    /** A snapshot taken now; should reading fail, the last good one (reported once, never thrown at readers). */
    synchronized RecordingSnapshot snapshotNow() {
        long before = jvm.currentThread();
        try {
            RecordingSnapshot s = snapshots.build(recording);
            cached = s;
            cachedAtNanos = System.nanoTime();
            return s;
        } catch (RuntimeException e) {
            warn("snapshot", "could not read the allocation tables (" + e + "); showing the last good figures");
            RecordingSnapshot last = cached;
            return last != null ? last : new RecordingSnapshot(System.currentTimeMillis(), recording.startedAtMillis(),
                    0, 0, 0, false, List.of(), List.of(), List.of(), new SizePercentiles(0, 0, 0, 0, 0, 0), List.of(), 0, 0);
        } finally {
            housekeepingBytes.addAndGet(jvm.since(before));
        }
    }

    AllocationRates rates() {
        return rates.rates();
    }

    double rateLastSecond() {
        return rates.rate(1);
    }

    /** Bytes the tracker allocated itself since the recording started. */
    long agentOwnBytes(RecordingSnapshot s) {
        return s.ownBytes() + installer.transformBytes() + housekeepingBytes.get() - ownBytesAtReset;
    }

    /** Own bytes of the calling thread in the current recording, for tests measuring the JVM counter themselves. */
    long ownBytesOfCurrentThread() {
        return recording.ownBytesOfCurrentThread();
    }

    List<InstrumentationFailure> failures() {
        return installer.failures();
    }

    long failureCount() {
        return installer.failureCount();
    }

    long instrumentedClasses() {
        return installer.instrumentedClasses();
    }

    long retransformedClasses() {
        return installer.retransformedClasses();
    }

    String problem() {
        return problem;
    }

    private void tick() {
        long before = jvm.currentThread();
        try {
            rates.record(System.nanoTime(), jvm.total());
            recording.retireEndedThreads();
        } catch (RuntimeException e) {
            warn("housekeeping", "allocation housekeeping failed: " + e);
        }
        housekeepingBytes.addAndGet(jvm.since(before));
    }

    /** Runs on the application thread whose hook failed: no logging, no locks; the owner reads {@link #problem()}. */
    private void hookFailed(Throwable problem) {
        this.mode = AllocationMode.OFF;
        this.problem = "stopped after an internal error: " + problem;
    }

    private void warn(String kind, String message) {
        if (warned.add(kind)) {
            warnOnce.accept(message);
        }
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        mode = AllocationMode.OFF;
        AllocationHooks.install(null);
        ticker.shutdownNow();
        if (shutdownInProgress()) {
            // The classes end with the JVM: restoring their code would only delay its exit.
            installer.detach();
        } else {
            installer.uninstall();
        }
    }

    /** Whether the JVM is running its shutdown hooks (they can no longer be added then). */
    private static boolean shutdownInProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}

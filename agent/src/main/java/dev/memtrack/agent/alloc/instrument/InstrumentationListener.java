package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.record.JvmAllocationCounters;
import dev.memtrack.mbeans.InstrumentationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Listens to the transformation of every class: counts instrumented classes, lists those that
 * failed (they are loaded unchanged; the first failure is reported once), and measures the bytes
 * the transformation itself allocates on the loading thread, so the tracker's share of the
 * unattributed bytes is known rather than hidden.
 */
final class InstrumentationListener {

    /** Failures kept; later ones are only counted. */
    static final int MAX_FAILURES = 1000;

    private final JvmAllocationCounters jvm;
    private final Consumer<String> warnOnce;
    private final Consumer<InstrumentationFailure> failed;
    private final List<InstrumentationFailure> failures = new ArrayList<>();
    private final AtomicLong failureCount = new AtomicLong();
    private final AtomicLong instrumented = new AtomicLong();
    private final AtomicLong retransformed = new AtomicLong();
    private final AtomicLong transformBytes = new AtomicLong();

    InstrumentationListener(JvmAllocationCounters jvm, Consumer<String> warnOnce,
                            Consumer<InstrumentationFailure> failed) {
        this.jvm = jvm;
        this.warnOnce = warnOnce;
        this.failed = failed;
    }

    /** A selected class is about to be transformed on this thread; returns what {@link #completed} needs. */
    long started() {
        return jvm.currentThread();
    }

    void transformed(boolean retransformation) {
        instrumented.incrementAndGet();
        if (retransformation) {
            retransformed.incrementAndGet();
        }
    }

    /** The transformation begun at {@code started} is over, however it ended. */
    void completed(long started) {
        transformBytes.addAndGet(jvm.since(started));
    }

    void fail(String typeName, ClassLoader classLoader, Throwable problem) {
        long n = failureCount.incrementAndGet();
        String reason = problem.getClass().getSimpleName() + ": " + problem.getMessage();
        InstrumentationFailure failure = new InstrumentationFailure(typeName,
                classLoader == null ? "bootstrap" : classLoader.toString(), reason);
        synchronized (failures) {
            if (failures.size() < MAX_FAILURES) {
                failures.add(failure);
            }
        }
        try {
            failed.accept(failure);
        } catch (RuntimeException listenerFailed) {
            // The failure stays listed here; a listener must not break class loading.
        }
        if (n == 1) {
            warnOnce.accept("could not instrument " + typeName + " (" + reason + "); it runs unchanged, "
                    + "and so will any other class that fails (see the Agent MBean's InstrumentationFailures)");
        }
    }

    List<InstrumentationFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    long failureCount() {
        return failureCount.get();
    }

    long instrumentedClasses() {
        return instrumented.get();
    }

    /** Of the instrumented classes, those loaded before the tracker started (retransformed rather than instrumented as they loaded). */
    long retransformedClasses() {
        return retransformed.get();
    }

    /** Bytes allocated by class transformation since the tracker started. */
    long transformBytes() {
        return transformBytes.get();
    }
}

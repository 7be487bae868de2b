package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.record.JvmAllocationCounters;
import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.mbeans.InstrumentationFailure;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Installs the {@link AllocationTransformer} and retransforms the selected classes that were loaded
 * before it (dynamic attach, or classes loaded while the agent started); {@link #uninstall} restores
 * their original code. A class the JVM refuses to retransform keeps its code and is listed.
 */
public final class AllocationInstaller {

    private final Instrumentation inst;
    private final TypeSelection selection;
    private final InstrumentationListener listener;
    private final AllocationTransformer transformer;

    private AllocationInstaller(Instrumentation inst, TypeSelection selection, InstrumentationListener listener,
                                AllocationTransformer transformer) {
        this.inst = inst;
        this.selection = selection;
        this.listener = listener;
        this.transformer = transformer;
    }

    /**
     * Installs the transformer and retransforms the selected classes already loaded.
     *
     * @param warnOnce told once when the first class fails to instrument
     * @param failed   told of every class that fails to instrument
     */
    public static AllocationInstaller install(Instrumentation inst, TypeSelection selection, SiteRegistry registry,
                                              ObjectSizes sizes, JvmAllocationCounters jvm,
                                              Consumer<String> warnOnce, Consumer<InstrumentationFailure> failed) {
        InstrumentationListener listener = new InstrumentationListener(jvm, warnOnce, failed);
        AllocationTransformer transformer = new AllocationTransformer(inst, selection, registry, sizes, listener,
                AllocationHooks.class.getModule());
        AllocationInstaller installer = new AllocationInstaller(inst, selection, listener, transformer);
        boolean retransform = inst.isRetransformClassesSupported();
        inst.addTransformer(transformer, retransform);
        if (retransform) {
            installer.retransformLoaded();
        } else {
            warnOnce.accept("this JVM cannot retransform classes: those loaded before memtrack started are not "
                    + "tracked (add Can-Retransform-Classes, or start memtrack with -javaagent)");
        }
        return installer;
    }

    public List<InstrumentationFailure> failures() {
        return listener.failures();
    }

    public long failureCount() {
        return listener.failureCount();
    }

    public long instrumentedClasses() {
        return listener.instrumentedClasses();
    }

    /** Of the instrumented classes, those that were loaded before the installation and retransformed. */
    public long retransformedClasses() {
        return listener.retransformedClasses();
    }

    /** Bytes allocated by class transformation (the tracker's own work on loading threads). */
    public long transformBytes() {
        return listener.transformBytes();
    }

    /** Removes the transformer and retransforms the classes it changed back to their original code. */
    public void uninstall() {
        inst.removeTransformer(transformer);
        if (inst.isRetransformClassesSupported()) {
            retransformLoaded();
        }
    }

    /** Removes the transformer only: classes loaded from now on stay unchanged, instrumented ones keep their code. */
    public void detach() {
        inst.removeTransformer(transformer);
    }

    /**
     * Retransforms the loaded classes of the selection, all at once; should the JVM refuse the batch,
     * one by one, so that only the classes it refuses are left unchanged (and listed).
     */
    private void retransformLoaded() {
        List<Class<?>> selected = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (isSelected(c)) {
                selected.add(c);
            }
        }
        if (selected.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(selected.toArray(Class<?>[]::new));
        } catch (Exception | LinkageError batchRefused) {
            for (Class<?> c : selected) {
                try {
                    inst.retransformClasses(c);
                } catch (Exception | LinkageError refused) {
                    listener.fail(c.getName(), c.getClassLoader(), refused);
                }
            }
        }
    }

    private boolean isSelected(Class<?> c) {
        try {
            return !c.isArray() && !c.isPrimitive() && inst.isModifiableClass(c)
                    && selection.selects(c.getName(), c.getClassLoader(), c.getProtectionDomain());
        } catch (RuntimeException | LinkageError unreadable) {
            return false; // a class whose loader or protection domain cannot be read is left alone
        }
    }
}

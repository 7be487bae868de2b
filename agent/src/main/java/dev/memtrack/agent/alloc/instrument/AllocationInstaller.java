package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.record.JvmAllocationCounters;
import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.mbeans.InstrumentationFailure;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Owns the Byte Buddy {@link AgentBuilder} of the allocation tracker and every setting of it:
 * no class format changes (so classes loaded before start can be retransformed), retransformation
 * of those classes, descriptions read from class files only (reflection on a loaded class could
 * load others mid-transformation), read edges from instrumented modules to the hooks, and a
 * listener that records failures instead of printing them. {@link #uninstall} restores the
 * original bytecode of every class it changed.
 */
public final class AllocationInstaller {

    private final Instrumentation inst;
    private final InstrumentationListener listener;
    private final ResettableClassFileTransformer transformer;

    private AllocationInstaller(Instrumentation inst, InstrumentationListener listener,
                                ResettableClassFileTransformer transformer) {
        this.inst = inst;
        this.listener = listener;
        this.transformer = transformer;
    }

    /**
     * Installs the transformer and retransforms the selected classes already loaded.
     *
     * @param warnOnce told once when the first class fails to instrument
     */
    public static AllocationInstaller install(Instrumentation inst, TypeSelection selection, SiteRegistry registry,
                                              ObjectSizes sizes, JvmAllocationCounters jvm,
                                              Consumer<String> warnOnce) {
        InstrumentationListener listener = new InstrumentationListener(jvm, warnOnce);
        ResettableClassFileTransformer transformer = new AgentBuilder.Default(
                new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(listener)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new RetransformationFailures(listener))
                .assureReadEdgeTo(inst, AllocationHooks.class)
                .ignore(ElementMatchers.none())
                .type(selection)
                .transform((builder, type, loader, module, protectionDomain) ->
                        builder.visit(new AllocationVisitorWrapper(registry, sizes, registry.loaderId(loader))))
                .installOn(inst);
        return new AllocationInstaller(inst, listener, transformer);
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

    /** Bytes allocated by class transformation (the tracker's own work on loading threads). */
    public long transformBytes() {
        return listener.transformBytes();
    }

    /** Removes the transformer and retransforms the classes it changed back to their original code. */
    public void uninstall() {
        transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** Classes of a retransformation batch that the JVM refused stay unchanged; list them. */
    private static final class RetransformationFailures extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {

        private final InstrumentationListener listener;

        RetransformationFailures(InstrumentationListener listener) {
            this.listener = listener;
        }

        @Override
        public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable,
                                                          List<Class<?>> types) {
            for (Class<?> c : batch) {
                listener.fail(c.getName(), c.getClassLoader(), throwable);
            }
            return List.of();
        }
    }
}

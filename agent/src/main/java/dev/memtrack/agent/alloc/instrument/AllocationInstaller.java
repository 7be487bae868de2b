package dev.memtrack.agent.alloc.instrument;

import dev.memtrack.agent.alloc.record.JvmAllocationCounters;
import dev.memtrack.agent.alloc.site.SiteRegistry;
import dev.memtrack.agent.alloc.size.ObjectSizes;
import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.mbeans.InstrumentationFailure;
import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.dynamic.ClassFileLocator;
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
     * @param failed   told of every class that fails to instrument
     */
    public static AllocationInstaller install(Instrumentation inst, TypeSelection selection, SiteRegistry registry,
                                              ObjectSizes sizes, JvmAllocationCounters jvm,
                                              Consumer<String> warnOnce, Consumer<InstrumentationFailure> failed) {
        InstrumentationListener listener = new InstrumentationListener(jvm, warnOnce, failed);
        ResettableClassFileTransformer transformer = QuietAgentBuilder.create()
                .disableClassFormatChanges()
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
        transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** Removes the transformer only: classes loaded from now on stay unchanged, instrumented ones keep their code. */
    public void detach() {
        transformer.reset(inst, AgentBuilder.RedefinitionStrategy.DISABLED);
    }

    /**
     * Byte Buddy's agent builder with our settings from the start. Its public constructors create a
     * self-injection strategy that reaches for {@code sun.misc.Unsafe} (a warning on the
     * application's console from JDK 24 on), although class format changes are disabled right after
     * and nothing is ever injected. The full constructor is protected and takes a type Byte Buddy
     * keeps protected, so it is called reflectively; should its shape change, the public
     * constructor is used.
     */
    private static final class QuietAgentBuilder {

        private static final String PROTECTED_CONSTANTS = "net.bytebuddy.agent.builder.AgentBuilder$";

        private QuietAgentBuilder() {
        }

        static AgentBuilder create() {
            ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);
            try {
                Object[] arguments = {byteBuddy,
                        AgentBuilder.Listener.NoOp.INSTANCE,
                        new AgentBuilder.CircularityLock.Default(),
                        AgentBuilder.PoolStrategy.Default.FAST,
                        AgentBuilder.TypeStrategy.Default.DECORATE,
                        AgentBuilder.LocationStrategy.ForClassLoader.STRONG,
                        ClassFileLocator.NoOp.INSTANCE,
                        constant("Default$NativeMethodStrategy$Disabled"),
                        constant("Default$WarmupStrategy$NoOp"),
                        AgentBuilder.TransformerDecorator.NoOp.INSTANCE,
                        AgentBuilder.InitializationStrategy.NoOp.INSTANCE,
                        AgentBuilder.RedefinitionStrategy.DISABLED,
                        AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE,
                        AgentBuilder.RedefinitionStrategy.BatchAllocator.ForTotal.INSTANCE,
                        AgentBuilder.RedefinitionStrategy.Listener.NoOp.INSTANCE,
                        constant("RedefinitionStrategy$ResubmissionStrategy$Disabled"),
                        AgentBuilder.InjectionStrategy.Disabled.INSTANCE,
                        AgentBuilder.LambdaInstrumentationStrategy.DISABLED,
                        // From class files only: reflection on a loaded class could load others mid-transformation.
                        AgentBuilder.DescriptionStrategy.Default.POOL_ONLY,
                        AgentBuilder.FallbackStrategy.ByThrowableType.ofOptionalTypes(),
                        AgentBuilder.ClassFileBufferStrategy.Default.RETAINING,
                        AgentBuilder.InstallationListener.NoOp.INSTANCE,
                        new AgentBuilder.RawMatcher.ForElementMatchers(ElementMatchers.none()),
                        Collections.emptyList()};
                for (java.lang.reflect.Constructor<?> c : AgentBuilder.Default.class.getDeclaredConstructors()) {
                    if (c.getParameterCount() == arguments.length) {
                        c.setAccessible(true);
                        return (AgentBuilder) c.newInstance(arguments);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // A Byte Buddy whose constructor differs: its public one still works.
            }
            return new AgentBuilder.Default(byteBuddy);
        }

        /** {@code INSTANCE} of a Byte Buddy enum nested in a protected type. */
        private static Object constant(String nestedName) throws ReflectiveOperationException {
            return Class.forName(PROTECTED_CONSTANTS + nestedName).getField("INSTANCE").get(null);
        }
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

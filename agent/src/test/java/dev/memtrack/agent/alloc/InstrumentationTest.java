package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.alloc.instrument.BootstrapInjection;
import dev.memtrack.agent.bootstrap.AllocationHooks;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.SiteRow;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** How classes get instrumented: before and after start, refused ones, old bytecode, and undone on close. */
class InstrumentationTest {

    private static final String FORMS = WorkloadLoader.WORKLOAD_PACKAGE + "AllocationForms";
    private final Instrumentation inst = TestAgent.instrumentation();

    private static AllocationSettings exact() {
        return AllocationSettings.defaults().withMode(AllocationMode.EXACT)
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void classesLoadedBeforeStartAreRetransformedAndRestoredOnClose() throws Exception {
        ToLongFunction<String> forms =
                WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationForms", ToLongFunction.class);
        forms.applyAsLong("newMultiArray");
        assertThat(callsHooks(forms.getClass())).isFalse();
        try (AllocationTracker tracker = AllocationTracker.start(inst, exact(), w -> { })) {
            assertThat(callsHooks(forms.getClass())).isTrue();
            forms.applyAsLong("newMultiArray");
            assertThat(tracker.snapshotNow().sites()).extracting(SiteRow::site)
                    .anyMatch(s -> s.startsWith(FORMS + ".newMultiArray("));
            assertThat(tracker.summary().instrumentedClasses()).isPositive();
        }
        // Restored: a tracker that does not select the class sees none of its allocations. (JDK 25
        // hands later transformers the last transformed bytes, so reading the bytes would not tell.)
        try (AllocationTracker other = AllocationTracker.start(inst, exact().withInclude(List.of("none.*")), w -> { })) {
            forms.applyAsLong("newMultiArray");
            assertThat(other.snapshotNow().trackedCount()).as("original code restored").isZero();
        }
        assertThat(AllocationHooks.installed()).isNull();
    }

    @Test
    void startsAgainAfterCloseAndInjectsOnlyOnce() {
        // Defined directly in the bootstrap loader: the bootstrap class path was never appended to.
        assertThat(TestAgent.hooksInjection()).isEqualTo(BootstrapInjection.Outcome.DEFINED);
        for (int i = 0; i < 2; i++) {
            assertThat(BootstrapInjection.ensureInjected(inst, AllocationTracker.class.getClassLoader(), w -> { }))
                    .isEqualTo(BootstrapInjection.Outcome.ALREADY_PRESENT);
            try (AllocationTracker tracker = AllocationTracker.start(inst, exact(), w -> { })) {
                assertThat(tracker.hooksInjection()).isEqualTo(BootstrapInjection.Outcome.ALREADY_PRESENT);
                assertThat(tracker.problem()).isEmpty();
                assertThat(AllocationHooks.installed()).isNotNull();
                assertThat(AllocationHooks.class.getClassLoader()).as("defined by the bootstrap loader").isNull();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> AllocationTracker.start(inst, exact(), w -> { }))
                        .hasMessage("Allocation tracking is already running in this JVM; close it first");
            }
        }
    }

    @Test
    void oldStyleArrayCloneThroughObjectIsCounted() throws Throwable {
        try (AllocationTracker tracker = AllocationTracker.start(inst, exact()
                .withInclude(List.of(GeneratedClasses.PACKAGE + "*")), w -> { })) {
            String name = GeneratedClasses.PACKAGE + "OldClone";
            MethodHandle run = GeneratedClasses.run(
                    new GeneratedClasses().define(name, GeneratedClasses.oldStyleArrayClone(name)),
                    MethodType.methodType(Object.class, Object.class));
            int[] original = new int[10];
            Object copy = (Object) run.invokeExact((Object) original);
            assertThat(copy).isNotSameAs(original);
            assertThat(tracker.snapshotNow().sites()).singleElement().satisfies(r -> {
                assertThat(r.type()).isEqualTo("int[]");
                assertThat(r.count()).isEqualTo(1);
                assertThat(r.bytes()).isEqualTo(inst.getObjectSize(original));
            });
        }
    }

    @Test
    void aClassThatCannotBeInstrumentedRunsUnchangedAndIsListed() throws Throwable {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AllocationTracker tracker = AllocationTracker.start(inst, exact()
                .withInclude(List.of(GeneratedClasses.PACKAGE + "*")), warnings::add)) {
            String name = GeneratedClasses.PACKAGE + "Java14";
            MethodHandle run = GeneratedClasses.run(new GeneratedClasses().define(name, GeneratedClasses.java14(name)),
                    MethodType.methodType(Object.class));
            assertThat((Object) run.invokeExact()).isInstanceOf(int[].class);
            assertThat(tracker.instrumentationFailures()).singleElement().satisfies(f -> {
                assertThat(f.className()).isEqualTo(name);
                assertThat(f.reason()).contains("predates class literals");
                assertThat(f.classLoader()).contains("GeneratedClasses");
            });
            assertThat(tracker.summary().instrumentationFailures()).isEqualTo(1);
            assertThat(warnings).singleElement().asString().contains("could not instrument " + name);
            assertThat(tracker.snapshotNow().trackedCount()).isZero();
        }
    }

    /** Whether the current bytecode of {@code c} calls the hooks, read by retransforming it through a recording transformer. */
    private boolean callsHooks(Class<?> c) throws Exception {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        ClassFileTransformer recorder = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                if (redefined == c) {
                    seen.set(bytes);
                }
                return null;
            }
        };
        inst.addTransformer(recorder, true);
        try {
            inst.retransformClasses(c);
        } finally {
            inst.removeTransformer(recorder);
        }
        return new String(seen.get(), StandardCharsets.ISO_8859_1).contains("dev/memtrack/agent/bootstrap/AllocationHooks");
    }

}

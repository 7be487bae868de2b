package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.SiteRow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXACT mode counts every allocation form as the JVM allocates it: for each statement, the bytes
 * recorded equal the JVM's own per-thread counter delta around that statement (less what the
 * tracker itself allocated on the thread, which it measures), and the count equals the number of
 * objects the JVM creates (every sub-array of a multi-dimensional array is one).
 */
class AllocationFormsTest {

    private static final String FORMS = WorkloadLoader.WORKLOAD_PACKAGE + "AllocationForms";
    private static final List<String> warnings = new CopyOnWriteArrayList<>();
    private static AllocationTracker tracker;
    private static ToLongFunction<String> forms;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() {
        tracker = AllocationTracker.start(TestAgent.instrumentation(), AllocationSettings.defaults()
                .withMode(AllocationMode.EXACT)
                // Samples (stack traces) allocate; frequent ones make sure those bytes are told apart.
                .withIntervalBytes(AllocationSettings.MIN_INTERVAL_BYTES)
                .withInclude(List.of(WorkloadLoader.WORKLOAD_PACKAGE + "*")), warnings::add, 42);
        forms = WorkloadLoader.newWorkload(WorkloadLoader.forWorkloads(), "AllocationForms", ToLongFunction.class);
    }

    @AfterAll
    static void stop() {
        tracker.close();
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                arguments("nothing", 0, null),
                arguments("newObject", 1, FORMS + "$Plain"),
                arguments("newEmptyObject", 1, "java.lang.Object"),
                arguments("newRecord", 1, FORMS + "$Point"),
                arguments("newSubclass", 1, FORMS + "$Child"),
                arguments("newNested", 2, FORMS + "$Holder"),
                arguments("newBooleanArray", 1, "boolean[]"),
                arguments("newByteArray", 1, "byte[]"),
                arguments("newCharArray", 1, "char[]"),
                arguments("newShortArray", 1, "short[]"),
                arguments("newIntArray", 1, "int[]"),
                arguments("newFloatArray", 1, "float[]"),
                arguments("newLongArray", 1, "long[]"),
                arguments("newDoubleArray", 1, "double[]"),
                arguments("newStringArray", 1, "java.lang.String[]"),
                arguments("newEmptyArray", 1, "long[]"),
                arguments("newMultiArray", 4, "int[][]"),
                arguments("newPartialMultiArray", 3, "java.lang.String[][][]"),
                arguments("newMultiArrayWithZero", 3, "long[][][]"),
                arguments("arrayNewInstance", 1, "int[]"),
                // the dimensions int[] of the varargs call, the outer array and its two rows
                arguments("arrayNewInstanceMulti", 4, "java.lang.String[][]"),
                arguments("arrayNewInstanceOfArrays", 4, "int[][][]"),
                arguments("cloneIntArray", 1, "int[]"),
                arguments("cloneStringArray", 1, "java.lang.String[]"),
                arguments("cloneWithOverride", 1, FORMS + "$Sheep"),
                arguments("cloneWithoutOverride", 1, FORMS + "$Dolly"),
                // the empty Object[] of the varargs call and the instance
                arguments("constructorNewInstance", 2, FORMS + "$Plain"),
                arguments("classNewInstance", 1, FORMS + "$Plain"),
                arguments("capturingLambda", 1, FORMS + "$$Lambda"),
                arguments("varargs", 1, "java.lang.Object[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void recordsWhatTheJvmCounts(String form, int objects, String type) {
        for (int i = 0; i < 100; i++) {
            forms.applyAsLong(form);
        }
        ExactRuns.assertExact(tracker, () -> forms.applyAsLong(form), () -> tracker.snapshotNow().trackedBytes());
        for (int run = 0; run < 3; run++) {
            long before = tracker.snapshotNow().trackedCount();
            forms.applyAsLong(form);
            assertThat(tracker.snapshotNow().trackedCount() - before).as("%s: objects", form).isEqualTo(objects);
        }
        if (type != null) {
            assertThat(tracker.snapshotNow().sites()).extracting(SiteRow::type)
                    .anyMatch(t -> t.startsWith(type));
        }
    }

    @Test
    void sitesNameTheMethodAndLine() {
        forms.applyAsLong("newMultiArray");
        List<SiteRow> sites = tracker.snapshotNow().sites();
        assertThat(sites).filteredOn(s -> s.site().startsWith(FORMS + ".newMultiArray(AllocationForms.java:"))
                .extracting(SiteRow::type)
                .contains("int[][]", "int[]");
        assertThat(sites).allSatisfy(s -> assertThat(s.estimated()).isFalse());
        assertThat(tracker.instrumentationFailures()).isEmpty();
        assertThat(warnings).isEmpty();
    }
}

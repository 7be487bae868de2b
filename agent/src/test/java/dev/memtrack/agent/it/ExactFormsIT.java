package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.apps.ExactFormsApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every allocation form, with the real agent jar in EXACT mode: the bytes memtrack attributes to a
 * form's sites equal what the JVM's per-thread counter says those statements allocated, to the byte,
 * and the count is the number of objects the JVM creates (see {@link ExactFormsApp}).
 *
 * <p>The JVM's count can hold bytes no bytecode allocated: with escape analysis, a deoptimization
 * re-creates objects the compiler had eliminated (the child runs with {@code -XX:-DoEscapeAnalysis}
 * against that); and on JDK 25 the multi-dimensional forms were once seen with 88 and 728 bytes more
 * than their arrays over 200 runs (cause not pinned down: a runtime path of the JVM, or the tracker's
 * own work on that thread). So, as in the engine's unit test: in every round memtrack never
 * records more than the JVM counted and the object count is exact, and in at least one of the three
 * rounds of 200 runs the bytes match to the byte.
 */
class ExactFormsIT {

    /** Objects one run of each form allocates, as the JVM does it. */
    private static final Map<String, Integer> OBJECTS = new LinkedHashMap<>();

    static {
        for (String form : new String[] {"newObject", "newEmptyObject", "newRecord", "newSubclass", "newBooleanArray",
                "newByteArray", "newCharArray", "newShortArray", "newIntArray", "newFloatArray", "newLongArray",
                "newDoubleArray", "newStringArray", "newEmptyArray", "arrayNewInstance", "cloneIntArray",
                "cloneStringArray", "cloneWithOverride", "cloneWithoutOverride", "classNewInstance",
                "capturingLambda", "varargs"}) {
            OBJECTS.put(form, 1);
        }
        OBJECTS.put("newNested", 2);
        OBJECTS.put("constructorNewInstance", 2); // the empty Object[] of the varargs call, and the instance
        OBJECTS.put("newMultiArray", 4);
        OBJECTS.put("newPartialMultiArray", 3);
        OBJECTS.put("newMultiArrayWithZero", 3);
        OBJECTS.put("arrayNewInstanceMulti", 4); // the dimensions int[], the outer array and its two rows
        OBJECTS.put("arrayNewInstanceOfArrays", 4);
    }

    private static final Pattern LINE =
            Pattern.compile("form (\\w+) round=\\d+ runs=(\\d+) jvmBytes=(\\d+) trackedBytes=(-?\\d+) trackedCount=(-?\\d+)");
    private static ChildJvm app;

    @BeforeAll
    static void start() {
        app = ChildJvm.withAgent("jolokia=false,alloc=exact,alloc.interval=1GiB,"
                        + "alloc.include=dev.memtrack.agent.alloc.workload.*")
                .jvmArgs("-Xmx128m", "-XX:-DoEscapeAnalysis")
                .main(ExactFormsApp.class, OBJECTS.keySet().toArray(String[]::new)).start();
        app.awaitStdout("exact-forms done");
    }

    @AfterAll
    static void stop() {
        ChildJvm.closeQuietly(app);
    }

    static Iterable<String> forms() {
        return OBJECTS.keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void bytesAndCountEqualTheJvmsOwnCount(String form) {
        List<Matcher> rounds = app.stdout().lines().map(LINE::matcher)
                .filter(x -> x.matches() && x.group(1).equals(form)).toList();
        assertThat(rounds).as("rounds of %s in %s", form, app.stdout()).hasSize(ExactFormsApp.ROUNDS);
        List<Long> unexplained = new ArrayList<>();
        for (Matcher m : rounds) {
            long runs = Long.parseLong(m.group(2));
            long jvmBytes = Long.parseLong(m.group(3));
            long tracked = Long.parseLong(m.group(4));
            assertThat(jvmBytes).as("%s: the JVM counted something", form).isPositive();
            assertThat(Long.parseLong(m.group(5))).as("%s: objects", form).isEqualTo(runs * OBJECTS.get(form));
            assertThat(tracked).as("%s: never more than the JVM counted", form).isLessThanOrEqualTo(jvmBytes);
            unexplained.add(jvmBytes - tracked);
        }
        assertThat(unexplained).as("%s: bytes the JVM counted beyond memtrack's, by round", form).contains(0L);
    }
}

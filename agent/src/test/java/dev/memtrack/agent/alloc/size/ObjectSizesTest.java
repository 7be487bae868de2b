package dev.memtrack.agent.alloc.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.agent.alloc.ChildJvm;
import dev.memtrack.agent.alloc.TestAgent;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes match the JVM's {@code Instrumentation.getObjectSize} across classes, arrays and layouts. */
class ObjectSizesTest {

    private final Instrumentation inst = TestAgent.instrumentation();
    private final List<String> warnings = new ArrayList<>();
    private final ObjectSizes sizes = ObjectSizes.calibrate(inst, warnings::add);

    @Test
    void computedSizesMatchTheJvmInThisLayout() {
        assertThat(SizeCheck.mismatches(inst, sizes)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void fieldsHiddenFromReflectionAreMeasured() {
        // ClassLoader's fields are filtered from reflection; the measured size still holds.
        ClassLoader loader = new URLClassLoader(new URL[0]);
        assertThat(sizes.instanceSize(loader.getClass())).isEqualTo(inst.getObjectSize(loader));
    }

    @Test
    void arrayLayoutsPackBaseAndShift() {
        int layout = sizes.arrayLayout(long[].class);
        assertThat(layout >>> ObjectSizes.LAYOUT_SHIFT_BITS).isEqualTo(3);
        assertThat(sizes.arrayLayout('J')).isEqualTo(layout);
        assertThat(sizes.arrayLayout('[')).isEqualTo(sizes.arrayLayout(Object[].class));
        assertThat(sizes.arraySize(layout, -1)).isZero();
        assertThat(sizes.arraySize(sizes.arrayLayout(byte[].class), Integer.MAX_VALUE - 8))
                .isGreaterThan(Integer.MAX_VALUE - 8);
    }

    /** Other layouts of this JDK, each in a child JVM (compact headers only exist from JDK 24). */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:-UseCompressedOops", "-XX:ObjectAlignmentInBytes=16",
            "-XX:-UseCompressedClassPointers", "-XX:+UseCompactObjectHeaders"})
    void computedSizesMatchTheJvmInOtherLayouts(String option) throws Exception {
        assumeTrue(!option.contains("Compact") || Runtime.version().feature() >= 24,
                "compact object headers need JDK 24+");
        String out = ChildJvm.run(SizeCheck.class, option, "-Xshare:off");
        assertThat(out).as("child JVM with %s", option).contains("OK VmLayout").doesNotContain("computed");
    }

}

package dev.memtrack.agent.jmx.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.HoleRow;
import dev.memtrack.mbeans.SegmentRow;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import java.util.List;
import java.util.stream.Stream;
import javax.management.MBeanAttributeInfo;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentationSimulatorBeanTest {

    private final SegmentationSimulatorBean implementation = new SegmentationSimulatorBean();
    private final RegisteredBean bean = new RegisteredBean(SegmentationSimulatorMXBean.OBJECT_NAME, implementation,
            SegmentationSimulatorMXBean.class);

    @Test
    void startsWithOneMebibytePlacedFirstFit() {
        assertThat(bean.attribute("MemorySize")).isEqualTo(1L << 20);
        assertThat(bean.attribute("Strategy")).isEqualTo("FIRST_FIT");
        assertThat(bean.attribute("FreeBytes")).isEqualTo(1L << 20);
        assertThat(holes()).containsExactly(new HoleRow(0, 1L << 20));
        assertThat(bean.invoke("allocate", "P1/code", 4096L)).isEqualTo(0L);
        assertThat(bean.attribute("Strategies")).isEqualTo(new String[] {"FIRST_FIT", "BEST_FIT", "WORST_FIT", "NEXT_FIT"});
    }

    @Test
    void allocateFreeCompactAndTranslate() {
        bean.invoke("reset", 1000L, "first_fit");
        assertThat(bean.invoke("allocate", "A", 100L)).isEqualTo(0L);
        assertThat(bean.invoke("allocate", "B", 200L)).isEqualTo(100L);
        assertThat(bean.invoke("allocate", "C", 300L)).isEqualTo(300L);
        bean.invoke("free", "B");

        assertThat(holes()).containsExactly(new HoleRow(100, 200), new HoleRow(600, 400));
        assertThat(bean.attribute("HoleCount")).isEqualTo(2);
        assertThat(bean.attribute("FreeBytes")).isEqualTo(600L);
        assertThat(bean.attribute("AllocatedBytes")).isEqualTo(400L);
        assertThat(bean.attribute("LargestHoleBytes")).isEqualTo(400L);
        assertThat((Double) bean.attribute("ExternalFragmentation")).isEqualTo(1 - 400.0 / 600.0);
        assertThat(bean.invoke("allocate", "D", 500L)).isEqualTo(-1L);
        assertThat(bean.attribute("FailedAllocations")).isEqualTo(1L);

        bean.invoke("compact");
        assertThat(holes()).containsExactly(new HoleRow(400, 600));
        assertThat(segments()).containsExactly(new SegmentRow("A", "A", 0, 100), new SegmentRow("C", "C", 100, 300));
        assertThat(bean.attribute("ExternalFragmentation")).isEqualTo(0.0);
        assertThat(bean.invoke("allocate", "D", 500L)).isEqualTo(400L);

        CompositeData inside = (CompositeData) bean.invoke("translate", "C", 50L);
        assertThat(inside.get("physicalAddress")).isEqualTo(150L);
        assertThat(inside.get("fault")).isEqualTo(false);
        assertThat(inside.get("message")).isEqualTo("");
        CompositeData outside = (CompositeData) bean.invoke("translate", "C", 300L);
        assertThat(outside.get("fault")).isEqualTo(true);
        assertThat(outside.get("physicalAddress")).isEqualTo(-1L);
        assertThat((String) outside.get("message")).contains("protection fault: offset 300 is outside segment C (limit 300)");
        CompositeData unknown = (CompositeData) bean.invoke("translate", "B", 0L);
        assertThat(unknown.get("fault")).isEqualTo(true);
        assertThat((String) unknown.get("message")).contains("no segment named 'B'");
    }

    @Test
    void bestFitTakesTheSmallestHoleThatFits() {
        bean.invoke("reset", 1000L, "BEST_FIT");
        bean.invoke("allocate", "A", 300L);
        bean.invoke("allocate", "B", 100L);
        bean.invoke("allocate", "C", 100L);
        bean.invoke("allocate", "D", 100L);
        bean.invoke("free", "A");
        bean.invoke("free", "C");

        assertThat(bean.invoke("allocate", "E", 50L)).isEqualTo(400L);
        assertThat(bean.attribute("Strategy")).isEqualTo("BEST_FIT");
    }

    @Test
    void freeProcessFreesEverySegmentOfThatProcess() {
        bean.invoke("allocate", "P1/code", 10L);
        bean.invoke("allocate", "P1/data", 20L);
        bean.invoke("allocate", "P2/code", 30L);

        assertThat(bean.invoke("freeProcess", "P1")).isEqualTo(2);
        assertThat(segments()).extracting(SegmentRow::name).containsExactly("P2/code");
        assertThat(segments()).extracting(SegmentRow::process).containsExactly("P2");
        assertThat(bean.invoke("freeProcess", "P9")).isEqualTo(0);
    }

    static Stream<Arguments> badArguments() {
        String longName = "x".repeat(SegmentationSimulatorBean.MAX_NAME_LENGTH + 1);
        return Stream.of(
                Arguments.of("reset", new Object[] {1000L, "BUDDY"},
                        "unknown strategy 'BUDDY': accepted FIRST_FIT, BEST_FIT, WORST_FIT, NEXT_FIT"),
                Arguments.of("reset", new Object[] {1000L, null}, "unknown strategy null: accepted FIRST_FIT"),
                Arguments.of("reset", new Object[] {0L, "FIRST_FIT"}, "memorySize 0 is not accepted: accepted 1 to 1099511627776"),
                Arguments.of("reset", new Object[] {(1L << 40) + 1, "FIRST_FIT"}, "memorySize 1099511627777 is not accepted"),
                Arguments.of("allocate", new Object[] {"A", 0L}, "size of segment A must be > 0, was 0"),
                Arguments.of("allocate", new Object[] {"A", -5L}, "size of segment A must be > 0, was -5"),
                Arguments.of("allocate", new Object[] {"A", Long.MAX_VALUE},
                        "size 9223372036854775807 of segment A is not accepted: accepted 1 to 1048576 (the memory size)"),
                Arguments.of("allocate", new Object[] {"taken", 10L}, "segment taken is already allocated; free it first"),
                Arguments.of("allocate", new Object[] {null, 10L}, "segment name null is not accepted: use 'process/segment'"),
                Arguments.of("allocate", new Object[] {"", 10L}, "segment name '' is not accepted"),
                Arguments.of("allocate", new Object[] {"a b", 10L}, "segment name 'a b' is not accepted: use 'process/segment'"),
                Arguments.of("allocate", new Object[] {"P1/", 10L}, "segment name 'P1/' is not accepted"),
                Arguments.of("allocate", new Object[] {longName, 10L}, "(129 characters) is not accepted: use 'process/segment' "
                        + "or a bare name, at most 128 characters"),
                Arguments.of("free", new Object[] {"ghost"}, "no segment named 'ghost' is allocated"),
                Arguments.of("free", new Object[] {""}, "segment name '' is not accepted"),
                Arguments.of("freeProcess", new Object[] {""}, "process '' is not accepted: a process name"),
                Arguments.of("freeProcess", new Object[] {"P1/code"}, "process 'P1/code' is not accepted: a process name has no '/'"),
                Arguments.of("translate", new Object[] {null, 0L}, "segment name null is not accepted"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badArguments")
    void badArgumentsAreRefusedNamingTheValueAndWhatIsAccepted(String operation, Object[] args, String message) {
        bean.invoke("allocate", "taken", 1L);
        assertThat(bean.refusal(operation, args)).contains(message);
        assertThat(segments()).extracting(SegmentRow::name).containsExactly("taken");
    }

    @Test
    void liveSegmentsAreCapped() {
        for (int i = 0; i < SegmentationSimulatorBean.MAX_SEGMENTS; i++) {
            assertThat(implementation.allocate("s" + i, 1)).isEqualTo(i);
        }

        assertThatThrownBy(() -> implementation.allocate("one-more", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segment one-more is not accepted: 10000 segments are allocated, the most this "
                        + "simulator keeps; free some or reset");
        assertThatThrownBy(() -> implementation.allocate("s1", 1)).hasMessageContaining("already allocated");
        implementation.free("s0");
        assertThat(implementation.allocate("one-more", 1)).isEqualTo(0L);
        assertThat(((TabularData) bean.attribute("Segments")).size()).isEqualTo(SegmentationSimulatorBean.MAX_SEGMENTS);
    }

    @Test
    void numericAttributesHaveUnits() throws Exception {
        for (MBeanAttributeInfo a : bean.server.getMBeanInfo(bean.name).getAttributes()) {
            assertThat(a.getDescription()).as(a.getName()).isNotBlank().isNotEqualTo(a.getName());
            if (a.getType().equals("long") || a.getType().equals("int") || a.getType().equals("double")) {
                assertThat(a.getDescriptor().getFieldValue("units")).as(a.getName()).isNotNull();
            }
        }
    }

    private List<HoleRow> holes() {
        return SegmentationSimulatorMXBean.HOLE_TABLE.fromTabularData((TabularData) bean.attribute("Holes"));
    }

    private List<SegmentRow> segments() {
        return SegmentationSimulatorMXBean.SEGMENT_TABLE.fromTabularData((TabularData) bean.attribute("Segments"));
    }
}

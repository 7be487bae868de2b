package dev.memtrack.agent.jmx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.FaultCurvePoint;
import dev.memtrack.mbeans.FrameRow;
import dev.memtrack.mbeans.PagingResult;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.MBeanOperationInfo;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PagingSimulatorBeanTest {

    /** Silberschatz's reference string: with 3 frames FIFO faults 15 times, LRU 12, OPT 9. */
    static final String TEXTBOOK = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1";
    static final String BELADY = "1,2,3,4,1,2,5,1,2,3,4,5";

    private final RegisteredBean bean = new RegisteredBean(PagingSimulatorMXBean.OBJECT_NAME,
            new PagingSimulatorBean(), PagingSimulatorMXBean.class);

    @Test
    void compareRunsEveryAlgorithmOnTheTextbookString() {
        List<PagingResult> rows = PagingSimulatorMXBean.RESULT_TABLE.fromTabularData(
                (TabularData) bean.invoke("compare", 3, TEXTBOOK));

        Map<String, PagingResult> byAlgorithm =
                rows.stream().collect(Collectors.toMap(PagingResult::algorithm, Function.identity()));
        assertThat(byAlgorithm).containsOnlyKeys("FIFO", "LRU", "OPT", "CLOCK", "LFU", "RANDOM");
        assertThat(byAlgorithm.get("FIFO").faults()).isEqualTo(15);
        assertThat(byAlgorithm.get("LRU").faults()).isEqualTo(12);
        assertThat(byAlgorithm.get("OPT").faults()).isEqualTo(9);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.frames()).isEqualTo(3);
            assertThat(r.references()).isEqualTo(20);
            assertThat(r.hits() + r.faults()).isEqualTo(20);
            assertThat(r.evictions()).isEqualTo(r.faults() - 3);
            assertThat(r.hitRatio()).isEqualTo(r.hits() / 20.0);
        });
    }

    @Test
    void simulateReturnsTheFaultsOfOneAlgorithmInAnyCase() {
        assertThat(bean.invoke("simulate", "lru", 3, TEXTBOOK)).isEqualTo(12L);
        assertThat(bean.invoke("simulate", " OPT ", 3, "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1")).isEqualTo(9L);
        assertThat(bean.invoke("simulate", "FIFO", 4, "A:1,B:1,A:1")).isEqualTo(2L);
    }

    @Test
    void faultCurveShowsBeladysAnomalyForFifo() {
        List<FaultCurvePoint> curve = PagingSimulatorMXBean.CURVE_TABLE.fromTabularData(
                (TabularData) bean.invoke("faultCurve", "FIFO", 5, BELADY));

        assertThat(curve).extracting(FaultCurvePoint::frames).containsExactly(1, 2, 3, 4, 5);
        assertThat(curve).extracting(FaultCurvePoint::faults).containsExactly(12L, 12L, 9L, 10L, 5L);
    }

    @Test
    void sessionIsUsableBeforeAnyReset() {
        assertThat(bean.attribute("Algorithm")).isEqualTo("LRU");
        assertThat(bean.attribute("Frames")).isEqualTo(3);
        assertThat(frameTable()).hasSize(3).allSatisfy(f -> {
            assertThat(f.occupied()).isFalse();
            assertThat(f.page()).isEqualTo(-1);
            assertThat(f.process()).isEmpty();
        });
        assertThat(((CompositeData) bean.attribute("Statistics")).get("references")).isEqualTo(0L);
        assertThat(bean.attribute("Algorithms")).isEqualTo(new String[] {"FIFO", "LRU", "OPT", "CLOCK", "LFU", "RANDOM"});
    }

    @Test
    void stepWiseSessionReportsEachAccessAndShowsTheFrameTable() {
        bean.invoke("reset", "FIFO", 3);
        for (int page : new int[] {7, 0, 1}) {
            assertThat(((CompositeData) bean.invoke("access", page)).get("hit")).isEqualTo(false);
        }
        CompositeData fourth = (CompositeData) bean.invoke("access", 2);
        assertThat(fourth.get("step")).isEqualTo(4L);
        assertThat(fourth.get("hit")).isEqualTo(false);
        assertThat(fourth.get("frame")).isEqualTo(0);
        assertThat(fourth.get("evictedPage")).isEqualTo(7);
        CompositeData hit = (CompositeData) bean.invoke("access", 0);
        assertThat(hit.get("hit")).isEqualTo(true);
        assertThat(hit.get("evictedPage")).isEqualTo(-1);

        List<FrameRow> frames = frameTable();
        assertThat(frames).extracting(FrameRow::page).containsExactly(2, 0, 1);
        assertThat(frames).extracting(FrameRow::process).containsOnly("P");
        assertThat(frames.get(1).accessCount()).isEqualTo(2);
        assertThat(frames.get(1).lastAccessStep()).isEqualTo(5);
        assertThat(frames.get(0).loadedAtStep()).isEqualTo(4);
        CompositeData stats = (CompositeData) bean.attribute("Statistics");
        assertThat(stats.get("references")).isEqualTo(5L);
        assertThat(stats.get("faults")).isEqualTo(4L);
        assertThat(stats.get("hits")).isEqualTo(1L);
        assertThat(stats.get("evictions")).isEqualTo(1L);
        assertThat(stats.get("hitRatio")).isEqualTo(0.2);

        bean.invoke("reset", "clock", 2);
        assertThat(bean.attribute("Algorithm")).isEqualTo("CLOCK");
        assertThat(frameTable()).hasSize(2).noneMatch(FrameRow::occupied);
        bean.invoke("access", 5);
        assertThat(frameTable().get(0).referenced()).isTrue();
    }

    @Test
    void optIsRefusedForAStepWiseSessionWithTheWayToRunIt() {
        bean.invoke("reset", "FIFO", 4);
        assertThat(bean.refusal("reset", "OPT", 3)).contains("OPT needs the whole reference string")
                .contains("use simulate").contains("reset accepts FIFO, LRU, CLOCK, LFU, RANDOM");
        assertThat(bean.attribute("Algorithm")).isEqualTo("FIFO");
        assertThat(bean.attribute("Frames")).isEqualTo(4);
    }

    static Stream<Arguments> badArguments() {
        int max = PagingSimulatorMXBean.MAX_REFERENCES;
        return Stream.of(
                Arguments.of("simulate", new Object[] {"BELADY", 3, "1,2"},
                        "unknown algorithm 'BELADY': accepted FIFO, LRU, OPT, CLOCK, LFU, RANDOM"),
                Arguments.of("simulate", new Object[] {null, 3, "1,2"}, "unknown algorithm null: accepted FIFO"),
                Arguments.of("simulate", new Object[] {"", 3, "1,2"}, "unknown algorithm '': accepted FIFO"),
                Arguments.of("simulate", new Object[] {"LRU", 0, "1,2"}, "frames 0 is not accepted: accepted 1 to 4096"),
                Arguments.of("compare", new Object[] {4097, "1,2"}, "frames 4097 is not accepted: accepted 1 to 4096"),
                Arguments.of("compare", new Object[] {-3, "1,2"}, "frames -3 is not accepted"),
                Arguments.of("simulate", new Object[] {"LRU", 3, "1,2,x,4"},
                        "malformed reference 'x' at position 3: expected a page number >= 0 or process:page"),
                Arguments.of("compare", new Object[] {3, "1,,2"}, "malformed reference '' at position 2"),
                Arguments.of("compare", new Object[] {3, "1,-2"}, "malformed reference '-2' at position 2"),
                Arguments.of("compare", new Object[] {3, "1,99999999999"}, "at position 2"),
                Arguments.of("compare", new Object[] {3, "1,2," + "9".repeat(100_000)},
                        "malformed reference '" + "9".repeat(40) + "...' (100000 characters) "
                                + "at position 3: a reference is at most 64 characters"),
                Arguments.of("compare", new Object[] {3, ""}, "reference string '' is empty: expected page numbers"),
                Arguments.of("compare", new Object[] {3, null}, "reference string null is empty"),
                Arguments.of("compare", new Object[] {3, "1,".repeat(max) + "1"},
                        "reference string has more than 1000000 references: at most 1000000 are accepted"),
                Arguments.of("faultCurve", new Object[] {"FIFO", 0, "1,2"}, "maxFrames 0 is not accepted: accepted 1 to 4096"),
                Arguments.of("faultCurve", new Object[] {"FIFO", 4096, "1,".repeat(5000) + "1"},
                        "faultCurve of maxFrames 4096 over 5001 references would simulate 20484096 references "
                                + "(one run per frame count): at most 10000000 are accepted"),
                Arguments.of("reset", new Object[] {"MRU", 3}, "unknown algorithm 'MRU': accepted FIFO"),
                Arguments.of("reset", new Object[] {"LRU", 5000}, "frames 5000 is not accepted: accepted 1 to 4096"),
                Arguments.of("access", new Object[] {-1}, "page -1 is not accepted: accepted 0 to 2147483647"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badArguments")
    void badArgumentsAreRefusedNamingTheValueAndWhatIsAccepted(String operation, Object[] args, String message) {
        assertThat(bean.refusal(operation, args)).contains(message);
    }

    @Test
    void theLongestAcceptedStringRuns() {
        // LRU on a cycle of one page more than there are frames faults on every reference.
        String refs = String.join(",", Collections.nCopies(PagingSimulatorMXBean.MAX_REFERENCES / 4, "1,2,3,4"));
        assertThat(bean.invoke("simulate", "LRU", 3, refs)).isEqualTo((long) PagingSimulatorMXBean.MAX_REFERENCES);
    }

    @Test
    void operationsAreDescribedAndBatchRunsAreReadOnly() throws Exception {
        MBeanOperationInfo[] ops = bean.server.getMBeanInfo(bean.name).getOperations();
        assertThat(ops).extracting(MBeanOperationInfo::getName)
                .containsExactlyInAnyOrder("simulate", "compare", "faultCurve", "reset", "access");
        assertThat(ops).allSatisfy(op -> assertThat(op.getDescription()).isNotBlank().isNotEqualTo(op.getName()));
        assertThat(ops).filteredOn(op -> op.getName().equals("simulate")).singleElement()
                .satisfies(op -> {
                    assertThat(op.getImpact()).isEqualTo(MBeanOperationInfo.INFO);
                    assertThat(op.getSignature()[0].getName()).isEqualTo("algorithm");
                });
        assertThat(ops).filteredOn(op -> op.getName().equals("access")).singleElement()
                .satisfies(op -> assertThat(op.getImpact()).isEqualTo(MBeanOperationInfo.ACTION));
    }

    private List<FrameRow> frameTable() {
        return PagingSimulatorMXBean.FRAME_TABLE.fromTabularData((TabularData) bean.attribute("FrameTable"));
    }
}

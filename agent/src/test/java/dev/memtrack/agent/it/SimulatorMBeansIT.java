package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.memtrack.agent.testing.Await;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.ConnectedJvm;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.JolokiaNotifications;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator MBeans in a JVM started with -javaagent: every operation over Jolokia HTTP as a
 * browser or script would call it, and the stress notifications over a JMX connector (as JConsole
 * gets them) and over Jolokia.
 */
class SimulatorMBeansIT {

    private static final String PAGING = PagingSimulatorMXBean.OBJECT_NAME;
    private static final String SEGMENTATION = SegmentationSimulatorMXBean.OBJECT_NAME;
    private static final String STRESS = StressSimulatorMXBean.OBJECT_NAME;
    private static final String TEXTBOOK = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1";
    private static final long MIB = 1024 * 1024;

    private static ConnectedJvm app;
    private static JolokiaClient jolokia;
    private static Jmx jmx;

    @BeforeAll
    static void start() {
        app = ConnectedJvm.start(ChildJvm.withAgent("jolokia.port=0,stress.capPercent=25").jvmArgs("-Xmx256m")
                .main(WorkloadApp.class, "idle"));
        jolokia = app.jolokia();
        jmx = app.jmx();
    }

    @AfterAll
    static void stop() {
        ConnectedJvm.closeQuietly(app);
    }

    @AfterEach
    void stopStress() {
        if (app != null && app.jvm().isAlive()) {
            ok(jolokia.exec(STRESS, "stop"));
        }
    }

    @Test
    void compareRunsEveryAlgorithmOnTheTextbookString() {
        Map<String, Map<String, Object>> byAlgorithm = table(ok(jolokia.exec(PAGING, "compare", 3, TEXTBOOK)));

        assertThat(byAlgorithm).containsOnlyKeys("FIFO", "LRU", "OPT", "CLOCK", "LFU", "RANDOM");
        assertThat(number(byAlgorithm.get("FIFO"), "faults")).isEqualTo(15);
        assertThat(number(byAlgorithm.get("LRU"), "faults")).isEqualTo(12);
        assertThat(number(byAlgorithm.get("OPT"), "faults")).isEqualTo(9);
        assertThat(number(byAlgorithm.get("OPT"), "hits")).isEqualTo(11);
        assertThat(((Number) ok(jolokia.exec(PAGING, "simulate", "OPT", 3, TEXTBOOK))).longValue()).isEqualTo(9);
    }

    @Test
    void fifoFaultCurveShowsBeladysAnomaly() {
        Map<String, Map<String, Object>> curve =
                table(ok(jolokia.exec(PAGING, "faultCurve", "FIFO", 5, "1,2,3,4,1,2,5,1,2,3,4,5")));

        assertThat(curve).containsOnlyKeys("1", "2", "3", "4", "5");
        assertThat(number(curve.get("3"), "faults")).isEqualTo(9);
        assertThat(number(curve.get("4"), "faults")).isEqualTo(10);
    }

    @Test
    void stepWiseSessionWithFrameTable() {
        ok(jolokia.exec(PAGING, "reset", "FIFO", 3));
        for (int page : new int[] {7, 0, 1}) {
            assertThat(outcome(jolokia.exec(PAGING, "access", page)).get("hit")).isEqualTo(false);
        }
        Map<String, Object> fourth = outcome(jolokia.exec(PAGING, "access", 2));
        assertThat(number(fourth, "evictedPage")).isEqualTo(7);
        assertThat(number(fourth, "frame")).isZero();
        assertThat(outcome(jolokia.exec(PAGING, "access", 0)).get("hit")).isEqualTo(true);

        Map<String, Map<String, Object>> frames = table(ok(jolokia.read(PAGING, "FrameTable")));
        assertThat(frames).containsOnlyKeys("0", "1", "2");
        assertThat(Stream.of("0", "1", "2").map(f -> number(frames.get(f), "page"))).containsExactly(2L, 0L, 1L);
        assertThat(number(frames.get("1"), "accessCount")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> statistics = (Map<String, Object>) ok(jolokia.read(PAGING, "Statistics"));
        assertThat(number(statistics, "references")).isEqualTo(5);
        assertThat(number(statistics, "faults")).isEqualTo(4);
        assertThat(ok(jolokia.read(PAGING, "Algorithm"))).isEqualTo("FIFO");

        JolokiaClient.Response opt = jolokia.exec(PAGING, "reset", "OPT", 3);
        assertRefused(opt, "OPT needs the whole reference string in advance");
        assertThat(opt.error()).contains("use simulate");
    }

    @Test
    void segmentationAllocateFreeCompactTranslate() {
        ok(jolokia.exec(SEGMENTATION, "reset", 1000, "FIRST_FIT"));
        assertThat(number(ok(jolokia.exec(SEGMENTATION, "allocate", "P1/code", 100)))).isZero();
        assertThat(number(ok(jolokia.exec(SEGMENTATION, "allocate", "P1/data", 200)))).isEqualTo(100);
        assertThat(number(ok(jolokia.exec(SEGMENTATION, "allocate", "P2/code", 300)))).isEqualTo(300);
        ok(jolokia.exec(SEGMENTATION, "free", "P1/data"));

        Map<String, Map<String, Object>> holes = table(ok(jolokia.read(SEGMENTATION, "Holes")));
        assertThat(holes).containsOnlyKeys("100", "600");
        assertThat(number(holes.get("100"), "length")).isEqualTo(200);
        assertThat(number(holes.get("600"), "length")).isEqualTo(400);
        assertThat(number(ok(jolokia.read(SEGMENTATION, "HoleCount")))).isEqualTo(2);
        assertThat(((Number) ok(jolokia.read(SEGMENTATION, "ExternalFragmentation"))).doubleValue())
                .isEqualTo(1 - 400.0 / 600.0);
        assertThat(number(ok(jolokia.exec(SEGMENTATION, "allocate", "P3/heap", 500)))).isEqualTo(-1);
        assertThat(number(ok(jolokia.read(SEGMENTATION, "FailedAllocations")))).isEqualTo(1);

        ok(jolokia.exec(SEGMENTATION, "compact"));
        Map<String, Map<String, Object>> compacted = table(ok(jolokia.read(SEGMENTATION, "Holes")));
        assertThat(compacted).containsOnlyKeys("400");
        assertThat(number(compacted.get("400"), "length")).isEqualTo(600);
        assertThat(number(table(ok(jolokia.read(SEGMENTATION, "Segments"))).get("P2/code"), "base")).isEqualTo(100);

        Map<String, Object> inside = outcome(jolokia.exec(SEGMENTATION, "translate", "P2/code", 50));
        assertThat(number(inside, "physicalAddress")).isEqualTo(150);
        assertThat(inside.get("fault")).isEqualTo(false);
        Map<String, Object> outside = outcome(jolokia.exec(SEGMENTATION, "translate", "P2/code", 300));
        assertThat(outside.get("fault")).isEqualTo(true);
        assertThat((String) outside.get("message")).contains("protection fault: offset 300 is outside segment P2/code");
        assertThat(number(ok(jolokia.exec(SEGMENTATION, "freeProcess", "P1")))).isEqualTo(1);
    }

    @Test
    void stressRetainsHeapUntilStopped() {
        ok(jolokia.exec(STRESS, "start", 16, 64, "STEADY"));
        assertThat(ok(jolokia.read(STRESS, "Running"))).isEqualTo(true);
        Await.until("16 MiB retained", () -> number(ok(jolokia.read(STRESS, "RetainedBytes"))) == 16 * MIB);
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) ok(jolokia.read(STRESS, "Status"));
        assertThat(status.get("pattern")).isEqualTo("STEADY");
        assertThat(number(status, "targetBytes")).isEqualTo(16 * MIB);

        ok(jolokia.exec(STRESS, "stop"));

        assertThat(number(ok(jolokia.read(STRESS, "RetainedBytes")))).isZero();
        assertThat(ok(jolokia.read(STRESS, "Running"))).isEqualTo(false);
        assertThat(number(ok(jolokia.read(STRESS, "AllocatedBytes")))).isGreaterThanOrEqualTo(16 * MIB);
    }

    @Test
    void stressAboveTheCapIsRefusedNamingTargetAndCap() {
        long capMb = number(ok(jolokia.read(STRESS, "CapBytes"))) / MIB;
        assertThat(capMb).as("25% of a 256 MiB heap").isBetween(32L, 64L);

        JolokiaClient.Response refused = jolokia.exec(STRESS, "start", (int) capMb + 1, 64, "STEADY");

        assertRefused(refused, "targetMb " + (capMb + 1) + " exceeds the safety cap of " + capMb + " MiB");
        assertThat(refused.error()).contains("25% of the maximum heap, stress.capPercent): accepted 1 to " + capMb);
        assertThat(ok(jolokia.read(STRESS, "Running"))).isEqualTo(false);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(PAGING, "simulate", List.of("BELADY", 3, "1,2"),
                        "unknown algorithm 'BELADY': accepted FIFO, LRU, OPT, CLOCK, LFU, RANDOM"),
                Arguments.of(PAGING, "compare", List.of(0, "1,2"), "frames 0 is not accepted: accepted 1 to 4096"),
                Arguments.of(PAGING, "compare", List.of(100000, "1,2"), "frames 100000 is not accepted: accepted 1 to 4096"),
                Arguments.of(PAGING, "simulate", List.of("LRU", 3, "1,2,seven,4"),
                        "malformed reference 'seven' at position 3: expected a page number >= 0 or process:page"),
                Arguments.of(PAGING, "compare", List.of(3, ""), "reference string '' is empty"),
                Arguments.of(PAGING, "faultCurve", List.of("FIFO", 4096, "1,".repeat(9999) + "1"),
                        "at most 10000000 are accepted; lower maxFrames or shorten the string"),
                Arguments.of(PAGING, "access", List.of(-1), "page -1 is not accepted: accepted 0 to 2147483647"),
                Arguments.of(SEGMENTATION, "reset", List.of(1024, "BUDDY"),
                        "unknown strategy 'BUDDY': accepted FIRST_FIT, BEST_FIT, WORST_FIT, NEXT_FIT"),
                Arguments.of(SEGMENTATION, "reset", List.of(0, "FIRST_FIT"), "memorySize 0 is not accepted: accepted 1 to"),
                Arguments.of(SEGMENTATION, "allocate", List.of("A", 0), "size of segment A must be > 0, was 0"),
                Arguments.of(SEGMENTATION, "allocate", List.of("", 10), "segment name '' is not accepted"),
                Arguments.of(SEGMENTATION, "free", List.of("ghost"), "no segment named 'ghost' is allocated"),
                Arguments.of(STRESS, "start", List.of(8, 64, "WAVE"),
                        "unknown pattern 'WAVE': accepted STEADY, RAMP, SPIKE, SAWTOOTH"),
                Arguments.of(STRESS, "start", List.of(0, 64, "STEADY"), "targetMb 0 is not accepted: accepted 1 to"),
                Arguments.of(STRESS, "start", List.of(8, 0, "STEADY"), "rateMb 0 is not accepted: accepted 1 to 102400"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badArguments")
    void badArgumentsGetAClearMessageAndNoStackTrace(String mbean, String operation, List<Object> arguments,
                                                      String message) {
        assertRefused(jolokia.exec(mbean, operation, arguments.toArray()), message);
    }

    @Test
    void aRemoteJmxClientGetsTheRefusalItCanRead() {
        Throwable refused = catchThrowable(() -> jmx.server().invoke(MemtrackDomain.objectName(PAGING), "simulate",
                new Object[] {"LRU", 3, "1,x"}, new String[] {"java.lang.String", "int", "java.lang.String"}));

        assertThat(refused).isInstanceOf(RuntimeMBeanException.class);
        assertThat(refused.getCause()).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed reference 'x' at position 2: expected a page number >= 0 or process:page");
    }

    @Test
    void stressNotificationsReachJmxAndJolokiaListeners() throws Exception {
        ObjectName stress = MemtrackDomain.objectName(STRESS);
        List<Notification> received = new CopyOnWriteArrayList<>();
        NotificationListener listener = (n, handback) -> received.add(n);
        jmx.server().addNotificationListener(stress, listener, null, null);
        JolokiaNotifications pulled = JolokiaNotifications.subscribe(jolokia, STRESS);
        try {
            ok(jolokia.exec(STRESS, "start", 4, 64, "STEADY"));
            Await.until("the target reached notification", () -> received.size() >= 2);
            ok(jolokia.exec(STRESS, "stop"));
            Await.until("the stopped notification", () -> received.size() >= 3);
        } finally {
            jmx.server().removeNotificationListener(stress, listener);
        }

        assertThat(received).extracting(Notification::getType).containsOnly(NotificationTypes.STRESS_STATE);
        assertThat(received).extracting(Notification::getMessage).satisfiesExactly(
                m -> assertThat(m).isEqualTo("STEADY run started: target 4 MiB at 64 MiB/s"),
                m -> assertThat(m).startsWith("target reached"),
                m -> assertThat(m).isEqualTo("stopped: memory released"));
        CompositeData reached = (CompositeData) received.get(1).getUserData();
        assertThat(reached.get("retainedBytes")).isEqualTo(4 * MIB);
        assertThat(reached.get("pattern")).isEqualTo("STEADY");
        CompositeData stopped = (CompositeData) received.get(2).getUserData();
        assertThat(stopped.get("running")).isEqualTo(false);
        assertThat(stopped.get("retainedBytes")).isEqualTo(0L);

        List<Map<String, Object>> viaJolokia = new ArrayList<>();
        Await.until("three notifications pulled over Jolokia", () -> {
            viaJolokia.addAll(pulled.pull());
            return viaJolokia.size() >= 3;
        });
        assertThat(viaJolokia).extracting(n -> n.get("type")).containsOnly(NotificationTypes.STRESS_STATE);
        assertThat(viaJolokia).extracting(n -> n.get("message")).containsExactlyElementsOf(
                received.stream().map(Notification::getMessage).toList());
    }

    private static void assertRefused(JolokiaClient.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.json().get("error_type")).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(r.error()).contains(message).doesNotContain("\n");
        assertThat(r.json()).doesNotContainKey("stacktrace");
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain(".java:");
    }

    private static Object ok(JolokiaClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.value();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcome(JolokiaClient.Response r) {
        return (Map<String, Object>) ok(r);
    }

    /** A TabularData as Jolokia sends it: rows keyed by the index column's value. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> table(Object value) {
        return (Map<String, Map<String, Object>>) value;
    }

    private static long number(Map<String, Object> row, String column) {
        return number(row.get(column));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}

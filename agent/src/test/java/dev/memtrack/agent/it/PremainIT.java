package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.testing.AgentJar;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.ConnectedJvm;
import dev.memtrack.agent.testing.EveryAttribute;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.ProcessesMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import dev.memtrack.mbeans.SystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent started with -javaagent: every MBean over Jolokia HTTP and over JMX, as JConsole sees it. */
class PremainIT {

    private static ConnectedJvm connected;
    private static ChildJvm app;
    private static ChildJvm.Ready ready;
    private static JolokiaClient jolokia;
    private static Jmx jmx;

    @BeforeAll
    static void start() {
        connected = ConnectedJvm.start(ChildJvm.withAgent("jolokia.port=0,interval=200ms").jvmArgs("-Xmx64m")
                .main(WorkloadApp.class, "allocate"));
        app = connected.jvm();
        ready = connected.ready();
        jolokia = connected.jolokia();
        jmx = connected.jmx();
        app.awaitStdout("workload-app started");
    }

    @AfterAll
    static void stop() {
        ConnectedJvm.closeQuietly(connected);
    }

    static Stream<String> memtrackBeans() {
        return Stream.of(AgentMXBean.OBJECT_NAME, HeapMXBean.OBJECT_NAME, SystemMXBean.OBJECT_NAME,
                ProcessesMXBean.OBJECT_NAME, AllocationsMXBean.OBJECT_NAME, PagingSimulatorMXBean.OBJECT_NAME, SegmentationSimulatorMXBean.OBJECT_NAME,
                StressSimulatorMXBean.OBJECT_NAME, PolicyMXBean.OBJECT_NAME);
    }

    @Test
    void readyLineNamesVersionJolokiaAndDomainOnce() throws Exception {
        String version;
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertThat(ready.version()).isEqualTo(version);
        assertThat(ready.jolokia()).matches("http://127\\.0\\.0\\.1:\\d+/jolokia/");
        assertThat(app.stderrLines()).filteredOn(l -> ChildJvm.READY.matcher(l).find()).hasSize(1);
        assertThat(app.memtrackLines()).noneMatch(l -> l.contains("warning"));
        // By default no native library is loaded on Linux: JDK 24+ has no restricted-method warning to print.
        assertThat(app.stderr()).doesNotContain("restricted method");
    }

    @ParameterizedTest
    @MethodSource("memtrackBeans")
    void everyAttributeReadsOverJolokia(String bean) throws Exception {
        EveryAttribute.readOverJolokia(jolokia, jmx.server(), bean);
    }

    @ParameterizedTest
    @MethodSource("memtrackBeans")
    void everyAttributeReadsOverJmxWithDescriptionAndUnits(String bean) throws Exception {
        EveryAttribute.readOverJmxWithDescriptionsAndUnits(jmx.server(), bean);
    }

    @Test
    void heapShowsThisWorkloadAllocatingAndCollecting() throws Exception {
        ObjectName heap = new ObjectName(HeapMXBean.OBJECT_NAME);
        MBeanServerConnection server = jmx.server();
        long firstTotal = (Long) server.getAttribute(heap, "TotalAllocatedBytes");
        awaitPositive(() -> ((CompositeData) server.getAttribute(heap, "GcPauses")).get("count"));
        awaitPositive(() -> server.getAttribute(heap, "AllocationRateBytesPerSecond"));
        awaitPositive(() -> (Long) server.getAttribute(heap, "TotalAllocatedBytes") - firstTotal);

        assertThat((Long) server.getAttribute(heap, "HeapMaxBytes")).isEqualTo(64L << 20);
        assertThat((Double) server.getAttribute(heap, "HeapUsedPercent")).isBetween(0.0, 100.0);
        assertThat(((TabularData) server.getAttribute(heap, "MemoryPools")).values()).isNotEmpty();
        assertThat(((TabularData) server.getAttribute(heap, "Collectors")).values()).isNotEmpty();
        assertThat(((Number) jolokia.read(HeapMXBean.OBJECT_NAME, "HeapUsedBytes").value()).longValue()).isPositive();
    }

    @Test
    void systemAndProcessesShowTheMachineAndThisProcess() throws Exception {
        ObjectName system = new ObjectName(SystemMXBean.OBJECT_NAME);
        MBeanServerConnection server = jmx.server();
        assertThat((Long) server.getAttribute(system, "MemoryTotalBytes")).isPositive();
        assertThat((Integer) server.getAttribute(system, "LogicalProcessorCount")).isPositive();
        awaitPositive(() -> server.getAttribute(system, "CpuLoadPercent"));
        assertThat(((TabularData) server.getAttribute(system, "CpuLoadPerCore")).size())
                .isEqualTo(server.getAttribute(system, "LogicalProcessorCount"));

        TabularData byMemory = (TabularData) server.getAttribute(new ObjectName(ProcessesMXBean.OBJECT_NAME),
                "TopByResidentMemory");
        assertThat(byMemory.size()).isBetween(1, 10);
        @SuppressWarnings("unchecked")
        Map<String, Object> viaJolokia = (Map<String, Object>) jolokia.read(ProcessesMXBean.OBJECT_NAME, "TopByCpu").value();
        assertThat(viaJolokia).isNotEmpty();
    }

    @Test
    void topNIsWritableAndValidated() throws Exception {
        ObjectName processes = new ObjectName(ProcessesMXBean.OBJECT_NAME);
        try {
            assertThat(jolokia.write(ProcessesMXBean.OBJECT_NAME, "TopN", 3).status()).isEqualTo(200);
            assertThat(((TabularData) jmx.server().getAttribute(processes, "TopByCpu")).size()).isLessThanOrEqualTo(3);

            JolokiaClient.Response bad = jolokia.write(ProcessesMXBean.OBJECT_NAME, "TopN", 0);
            assertThat(bad.status()).isNotEqualTo(200);
            assertThat(bad.error()).contains("TopN must be between 1 and 500, got 0");
            assertThatThrownBy(() -> jmx.server().setAttribute(processes, new Attribute("TopN", 501)))
                    .hasStackTraceContaining("TopN must be between 1 and 500, got 501");
            assertThat(jmx.server().getAttribute(processes, "TopN")).isEqualTo(3);
        } finally {
            jmx.server().setAttribute(processes, new Attribute("TopN", 10));
        }
    }

    @Test
    void agentReportsItselfAndItsSubsystems() throws Exception {
        ObjectName agent = new ObjectName(AgentMXBean.OBJECT_NAME);
        MBeanServerConnection server = jmx.server();
        assertThat(server.getAttribute(agent, "StartMode")).isEqualTo("premain");
        assertThat(server.getAttribute(agent, "JolokiaUrl")).isEqualTo(ready.jolokia());
        assertThat(server.getAttribute(agent, "SamplingIntervalMillis")).isEqualTo(200L);
        List<SubsystemStatus> subsystems = AgentMXBean.SUBSYSTEM_TABLE.fromTabularData(
                (TabularData) server.getAttribute(agent, "Subsystems"));
        assertThat(subsystems).extracting(SubsystemStatus::name)
                .containsExactly("allocation-tracking", "heap-stats", "system-stats", "processes", "simulator", "policy", "json-log", "jolokia");
        assertThat(subsystems).filteredOn(s -> !s.name().equals("json-log"))
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(SubsystemState.RUNNING));
        assertThat(subsystems).filteredOn(s -> s.name().equals("json-log")).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("log is not set"));
        TabularData config = (TabularData) server.getAttribute(agent, "Configuration");
        assertThat(AgentMXBean.CONFIGURATION_TABLE.fromTabularData(config))
                .anySatisfy(e -> {
                    assertThat(e.key()).isEqualTo("interval");
                    assertThat(e.value()).isEqualTo("200ms");
                    assertThat(e.source()).isEqualTo("agent-argument");
                });
        assertThat(((TabularData) server.getAttribute(agent, "InstrumentationFailures")).isEmpty()).isTrue();
    }

    @Test
    void agentThreadsAreNamedDaemons() throws Exception {
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(jmx.server(),
                ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        List<ThreadInfo> memtrack = Stream.of(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(t -> t != null && t.getThreadName().startsWith("memtrack-")).toList();

        assertThat(memtrack).extracting(ThreadInfo::getThreadName).contains("memtrack-sampler");
        assertThat(memtrack).allSatisfy(t -> assertThat(t.isDaemon()).as(t.getThreadName()).isTrue());
    }

    @Test
    void targetPropertiesTellWhereJolokiaIs() {
        ChildJvm.CliResult status = ChildJvm.cli("status", Long.toString(app.pid()));

        assertThat(status.exitStatus()).isZero();
        assertThat(status.stdout()).contains(app.pid() + ": memtrack " + ready.version() + " (premain at ")
                .contains("ready, jolokia " + ready.jolokia());
    }

    interface Reading {
        Object get() throws Exception;
    }

    /** Values computed between two samples need a few intervals; waits up to the child timeout. */
    static void awaitPositive(Reading reading) throws Exception {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        Object value = reading.get();
        while (((Number) value).doubleValue() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = reading.get();
        }
        assertThat(((Number) value).doubleValue()).isPositive();
    }
}

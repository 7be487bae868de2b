package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.ConnectedJvm;
import dev.memtrack.agent.testing.EveryAttribute;
import dev.memtrack.agent.testing.FreePort;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.SimulatorJar;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.ProcessesMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.SystemMXBean;
import java.util.List;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when": {@code java -javaagent:memtrack-agent.jar -jar memtrack-simulator.jar demo}
 * prints the ready line, and every memtrack MBean, the demo's Workload programs included, reads over
 * Jolokia and over JMX with descriptions and units.
 */
class DemoIT {

    private static final List<String> PROGRAMS = List.of("request-handler", "batch-job", "cache-filler", "stress-phase");

    private static int port;
    private static ConnectedJvm connected;
    private static ChildJvm demo;
    private static JolokiaClient jolokia;
    private static Jmx jmx;

    @BeforeAll
    static void start() {
        port = FreePort.find();
        connected = ConnectedJvm.start(
                ChildJvm.withAgent("jolokia.port=" + port).name("demo").jar(SimulatorJar.path(), "demo"));
        demo = connected.jvm();
        jolokia = connected.jolokia();
        jmx = connected.jmx();
        demo.awaitStdout("memtrack demo workload in pid " + demo.pid());
    }

    @AfterAll
    static void stop() {
        ConnectedJvm.closeQuietly(connected);
    }

    @Test
    void printsTheReadyLineWithJolokiaOnTheGivenPort() {
        assertThat(connected.ready().jolokia()).isEqualTo("http://127.0.0.1:" + port + "/jolokia/");
        assertThat(demo.memtrackLines()).noneMatch(l -> l.contains("warning"));
    }

    @Test
    void everyMemtrackMBeanReadsOverJolokiaAndJmxWithDescriptionsAndUnits() throws Exception {
        List<String> beans = jmx.server().queryNames(new ObjectName(MemtrackDomain.DOMAIN + ":*"), null).stream()
                .map(ObjectName::getCanonicalName).toList();
        List<String> expected = Stream.concat(
                Stream.of(AgentMXBean.OBJECT_NAME, HeapMXBean.OBJECT_NAME, SystemMXBean.OBJECT_NAME,
                        ProcessesMXBean.OBJECT_NAME, AllocationsMXBean.OBJECT_NAME, PagingSimulatorMXBean.OBJECT_NAME,
                        SegmentationSimulatorMXBean.OBJECT_NAME, StressSimulatorMXBean.OBJECT_NAME, PolicyMXBean.OBJECT_NAME),
                PROGRAMS.stream().map(p -> MemtrackDomain.workload(p).toString()))
                .map(n -> MemtrackDomain.objectName(n).getCanonicalName()).toList();
        assertThat(beans).containsExactlyInAnyOrderElementsOf(expected);

        for (String bean : beans) {
            EveryAttribute.readOverJolokia(jolokia, jmx.server(), bean);
            EveryAttribute.readOverJmxWithDescriptionsAndUnits(jmx.server(), bean);
        }
    }

    @Test
    void workloadProgramsAreGovernableOverJolokia() {
        String batchJob = MemtrackDomain.workload("batch-job").toString();
        JolokiaClient.Response program = jolokia.read(batchJob, "Name");
        assertThat(program.value()).isEqualTo("batch-job");
        try {
            assertThat(jolokia.write(batchJob, "Parallelism", 1).status()).isEqualTo(200);
            assertThat(((Number) jolokia.read(batchJob, "Parallelism").value()).intValue()).isEqualTo(1);
        } finally {
            jolokia.write(batchJob, "Parallelism", 2);
        }
    }
}

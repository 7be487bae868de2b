package dev.memtrack.agent.jmx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.core.Agent;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.testing.Await;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subsystem inside a real agent (found through the services file), on the platform MBeanServer. */
class SimulatorSubsystemTest {

    private static final long MIB = 1024 * 1024;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private Agent agent;

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.stop();
        }
    }

    @Test
    void servesTheThreeSimulatorBeansAndReleasesStressMemoryWhenItStops() throws Exception {
        agent = new Agent(AgentConfig.parse("jolokia=false,alloc=disabled,stress.capPercent=10", Map.of(), Map.of()), null,
                Path.of("target/classes"), new AgentLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)),
                "premain", System.currentTimeMillis());
        agent.start();
        List<SubsystemStatus> subsystems = AgentMXBean.SUBSYSTEM_TABLE.fromTabularData(
                (TabularData) server.getAttribute(name(AgentMXBean.OBJECT_NAME), "Subsystems"));
        assertThat(subsystems).filteredOn(s -> s.name().equals("simulator")).singleElement()
                .satisfies(s -> assertThat(s.state()).as(logBytes.toString(StandardCharsets.UTF_8))
                        .isEqualTo(SubsystemState.RUNNING));
        assertThat(server.isRegistered(name(PagingSimulatorMXBean.OBJECT_NAME))).isTrue();
        assertThat(server.isRegistered(name(SegmentationSimulatorMXBean.OBJECT_NAME))).isTrue();
        ObjectName stress = name(StressSimulatorMXBean.OBJECT_NAME);
        assertThat(server.getAttribute(stress, "CapBytes"))
                .isEqualTo(SimulatorSubsystem.capBytes(Runtime.getRuntime().maxMemory(), 10));

        List<Notification> received = new CopyOnWriteArrayList<>();
        server.addNotificationListener(stress, (n, handback) -> received.add(n), null, null);
        server.invoke(stress, "start", new Object[] {2, 64, "STEADY"}, new String[] {"int", "int", "java.lang.String"});
        // The agent's scheduler watches the run: reaching the target is reported without any call.
        Await.until("the target reached notification",
                () -> received.stream().anyMatch(n -> n.getMessage().startsWith("target reached")));
        assertThat(server.getAttribute(stress, "RetainedBytes")).isEqualTo(2 * MIB);
        assertThat(stressThreads()).isNotEmpty();

        agent.stop();

        assertThat(stressThreads()).as("the generator's thread ends when the subsystem stops").isEmpty();
        assertThat(server.queryNames(name("memtrack:type=Simulator,*"), null)).isEmpty();
    }

    @Test
    void capIsAShareOfTheMaximumHeapWithoutOverflow() {
        assertThat(SimulatorSubsystem.capBytes(64 * MIB, 50)).isEqualTo(32 * MIB);
        assertThat(SimulatorSubsystem.capBytes(1000, 1)).isEqualTo(10);
        assertThat(SimulatorSubsystem.capBytes(Long.MAX_VALUE, 90)).isEqualTo(Long.MAX_VALUE / 100 * 90);
        assertThat(SimulatorSubsystem.capBytes(50, 1)).isEqualTo(1);
    }

    private static List<Thread> stressThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("memtrack-stress-") && t.isAlive()).toList();
    }

    private static ObjectName name(String objectName) {
        return MemtrackDomain.objectName(objectName);
    }
}

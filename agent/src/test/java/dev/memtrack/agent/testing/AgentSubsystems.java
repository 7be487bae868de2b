package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.util.List;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * The state of each subsystem as the Agent MBean shows it, read over JMX (so it works with Jolokia off),
 * and the checks fault tests make on it.
 */
public final class AgentSubsystems {

    private AgentSubsystems() {
    }

    public static List<SubsystemStatus> of(ChildJvm app) {
        try (Jmx jmx = Jmx.connect(app.pid())) {
            return AgentMXBean.SUBSYSTEM_TABLE.fromTabularData((TabularData) jmx.server()
                    .getAttribute(new ObjectName(AgentMXBean.OBJECT_NAME), "Subsystems"));
        } catch (Exception e) {
            throw new AssertionError("cannot read the Agent MBean of " + app.pid(), e);
        }
    }

    public static SubsystemStatus named(List<SubsystemStatus> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no subsystem " + name + " in " + all));
    }

    /** Asserts that {@code name} is DISABLED with exactly {@code reason}. */
    public static void assertDisabled(List<SubsystemStatus> all, String name, String reason) {
        SubsystemStatus s = named(all, name);
        assertThat(s.state()).as("state of %s", name).isEqualTo(SubsystemState.DISABLED);
        assertThat(s.reason()).as("reason of %s", name).isEqualTo(reason);
    }

    /** Asserts that each of {@code names} is RUNNING. */
    public static void assertRunning(List<SubsystemStatus> all, String... names) {
        for (String name : names) {
            assertThat(named(all, name).state()).as("state of %s: %s", name, named(all, name).reason())
                    .isEqualTo(SubsystemState.RUNNING);
        }
    }
}

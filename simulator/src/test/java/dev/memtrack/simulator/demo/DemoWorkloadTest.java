package dev.memtrack.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.mbeans.MemtrackDomain;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The demo's programs as a JMX client sees them, in a real MBeanServer. */
class DemoWorkloadTest {

    @Test
    void registersEveryProgramAndObeysItsControlsOverJmx() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (DemoWorkload demo = DemoWorkload.standard()) {
            demo.start(server);

            assertThat(server.queryNames(new ObjectName(MemtrackDomain.WORKLOAD_PATTERN), null))
                    .containsExactlyInAnyOrder(MemtrackDomain.workload("request-handler"),
                            MemtrackDomain.workload("batch-job"), MemtrackDomain.workload("cache-filler"),
                            MemtrackDomain.workload("stress-phase"));
            ObjectName batch = MemtrackDomain.workload("batch-job");
            assertThat(server.getAttribute(batch, "Priority")).isEqualTo("BACKGROUND");
            assertThat(server.getMBeanInfo(batch).getDescription()).startsWith("A program whose share");

            server.setAttribute(batch, new Attribute("Parallelism", 1));
            server.setAttribute(batch, new Attribute("Paused", true));
            assertThat(demo.programs().get(1).getParallelism()).isEqualTo(1);
            assertThat(server.getAttribute(batch, "Paused")).isEqualTo(true);
            assertThatThrownBy(() -> server.setAttribute(batch, new Attribute("Parallelism", 9)))
                    .hasRootCauseMessage("parallelism 9 is out of range for batch-job: accepted 1 to 4");
            assertThat(demo.statusLine()).startsWith("heap ").contains("| batch-job 1/4 paused");
        }
        assertThat(server.queryNames(new ObjectName(MemtrackDomain.WORKLOAD_PATTERN), null)).isEmpty();
    }

    @Test
    void refusesToRegisterASecondDemoInTheSameServer() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (DemoWorkload first = DemoWorkload.standard(); DemoWorkload second = DemoWorkload.standard()) {
            first.start(server);

            assertThatThrownBy(() -> second.start(server)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot register memtrack:type=Workload,name=request-handler");
            assertThat(server.queryNames(new ObjectName(MemtrackDomain.WORKLOAD_PATTERN), null)).hasSize(4);
        }
    }
}

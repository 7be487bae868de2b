package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad options never stop the application: the message is clear and only the affected part stays off. */
class BadOptionsIT {

    @Test
    void unknownKeyAndBadValueAreReportedAndOnlyJolokiaStaysOff() throws Exception {
        try (ChildJvm app = ChildJvm.withAgent("jolokia.prot=1,jolokia.port=abc,interval=200ms")
                .main(WorkloadApp.class, "idle").start()) {
            ChildJvm.Ready ready = app.awaitReady();
            app.awaitStdout("workload-app started");

            assertThat(ready.jolokiaOff()).isTrue();
            assertThat(app.memtrackLines()).contains(
                    "[memtrack] warning: unknown key 'jolokia.prot' (agent-argument) ignored (did you mean "
                            + "jolokia.port?); valid keys: " + ConfigKey.validKeys(),
                    "[memtrack] warning: invalid value 'abc' for jolokia.port (agent-argument): expected an integer "
                            + "from 0 to 65535; jolokia stays off");
            assertThat(app.isAlive()).isTrue();
            assertThat(subsystems(app)).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("jolokia");
                assertThat(s.state()).isEqualTo(SubsystemState.DISABLED);
                assertThat(s.reason()).isEqualTo("invalid configuration: invalid value 'abc' for jolokia.port "
                        + "(agent-argument): expected an integer from 0 to 65535");
            }).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("heap-stats");
                assertThat(s.state()).isEqualTo(SubsystemState.RUNNING);
            });
        }
    }

    @Test
    void failFastRefusesToStartTheAgentButTheApplicationRuns() throws Exception {
        try (ChildJvm app = ChildJvm.withAgent("failFast=true,jolokia.prot=1").main(WorkloadApp.class, "idle")
                .start()) {
            app.awaitStderr("[memtrack] not started (failFast=true): 1 configuration problem above; "
                    + "the application runs without memtrack");
            app.awaitStdout("workload-app started");

            assertThat(app.memtrackLines()).first().asString()
                    .startsWith("[memtrack] warning: unknown key 'jolokia.prot' (agent-argument) ignored");
            assertThat(app.stderr()).doesNotContain("ready:");
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertThat(jmx.server().queryNames(new ObjectName("memtrack:*"), null)).isEmpty();
            }
            assertThat(app.isAlive()).isTrue();
        }
    }

    static Stream<Arguments> jolokiaRefusals() {
        return Stream.of(
                Arguments.of("jolokia.host=0.0.0.0", "jolokia disabled: failed to start: IllegalArgumentException: "
                        + "refusing to listen on non-loopback address 0.0.0.0 without authentication: set jolokia.user "
                        + "and jolokia.password"),
                Arguments.of("jolokia.policy=/nonexistent/jolokia-access.xml", "jolokia disabled: failed to start: "
                        + "IllegalArgumentException: jolokia.policy '/nonexistent/jolokia-access.xml' is not a readable "
                        + "file; Jolokia stays off rather than run without that policy"),
                Arguments.of("jolokia.user=ops", "jolokia disabled: failed to start: IllegalArgumentException: "
                        + "jolokia.user and jolokia.password must be set together; only jolokia.user is set"));
    }

    @ParameterizedTest
    @MethodSource("jolokiaRefusals")
    void jolokiaStaysOffWithAClearReasonWhenItCannotBeSafe(String option, String message) {
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0," + option).main(WorkloadApp.class, "idle").start()) {
            ChildJvm.Ready ready = app.awaitReady();

            assertThat(ready.jolokiaOff()).isTrue();
            assertThat(app.memtrackLines()).anySatisfy(l -> assertThat(l).startsWith("[memtrack] warning: " + message));
            assertThat(app.isAlive()).isTrue();
        }
    }

    @Test
    void portInUseDisablesJolokiaWithAMessageNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ChildJvm app = ChildJvm.withAgent("jolokia.port=" + taken.getLocalPort())
                     .main(WorkloadApp.class, "idle").start()) {
            ChildJvm.Ready ready = app.awaitReady();

            assertThat(ready.jolokiaOff()).isTrue();
            assertThat(app.memtrackLines()).contains("[memtrack] warning: jolokia disabled: failed to start: "
                    + "IOException: jolokia.port " + taken.getLocalPort() + " on 127.0.0.1 is already in use; choose "
                    + "another port, or jolokia.port=0 for any free port (caused by BindException: Address already in "
                    + "use); the application and the rest of memtrack keep running");
            assertThat(app.isAlive()).isTrue();
        }
    }

    @Test
    void anUnusableRulesFileDisablesOnlyThePolicyWithTheReasonAsItsState() throws Exception {
        Path missing = ChildJvm.workDir().resolve("no-such-rules.properties");
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,policy=ENFORCE,policy.file=" + missing)
                .main(WorkloadApp.class, "idle").start()) {
            ChildJvm.Ready ready = app.awaitReady();

            String reason = "Cannot read policy rules file '" + missing + "': no such file";
            assertThat(app.memtrackLines()).contains("[memtrack] warning: policy disabled: " + reason
                    + "; the application and the rest of memtrack keep running");
            assertThat(subsystems(app)).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("policy");
                assertThat(s.state()).isEqualTo(SubsystemState.DISABLED);
                assertThat(s.reason()).isEqualTo(reason);
            }).filteredOn(s -> List.of("heap-stats", "system-stats", "processes", "jolokia").contains(s.name()))
                    .hasSize(4).allSatisfy(s -> assertThat(s.state()).isEqualTo(SubsystemState.RUNNING));
            assertThat(new JolokiaClient(ready.jolokiaUri()).read(PolicyMXBean.OBJECT_NAME, "Mode").status())
                    .as("no Policy MBean").isEqualTo(404);
            assertThat(app.isAlive()).isTrue();
        }
    }

    private static List<SubsystemStatus> subsystems(ChildJvm app) throws Exception {
        try (Jmx jmx = Jmx.connect(app.pid())) {
            return AgentMXBean.SUBSYSTEM_TABLE.fromTabularData((TabularData) jmx.server()
                    .getAttribute(new ObjectName(AgentMXBean.OBJECT_NAME), "Subsystems"));
        }
    }
}

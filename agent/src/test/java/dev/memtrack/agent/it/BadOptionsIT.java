package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.testing.AgentSubsystems;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Heartbeat;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.HeartbeatApp;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad, contradictory or unusable options and files never stop the application: each test checks the
 * exact line on stderr, the reason the Agent MBean gives for the part that stayed off, that the other
 * parts run, and that the application's own output goes on.
 */
class BadOptionsIT {

    private static final String KEEP_RUNNING = "; the application and the rest of memtrack keep running";

    @Test
    void unknownKeyAndBadValueAreReportedAndOnlyJolokiaStaysOff() {
        try (ChildJvm app = ChildJvm.withAgent("jolokia.prot=1,jolokia.port=abc,interval=200ms")
                .main(HeartbeatApp.class).start()) {
            ChildJvm.Ready ready = app.awaitReady();

            assertThat(ready.jolokiaOff()).isTrue();
            assertThat(app.memtrackLines()).contains(
                    "[memtrack] warning: unknown key 'jolokia.prot' (agent-argument) ignored (did you mean "
                            + "jolokia.port?); valid keys: " + ConfigKey.validKeys(),
                    "[memtrack] warning: invalid value 'abc' for jolokia.port (agent-argument): expected an integer "
                            + "from 0 to 65535; jolokia stays off");
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            AgentSubsystems.assertDisabled(states, "jolokia", "invalid configuration: invalid value 'abc' for "
                    + "jolokia.port (agent-argument): expected an integer from 0 to 65535");
            AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "policy", "simulator");
            Heartbeat.assertContinues(app);
        }
    }

    @Test
    void anIntervalOutOfRangeKeepsTheSamplingPartsOffAndSaysWhatIsAccepted() {
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=5ms").main(HeartbeatApp.class).start()) {
            ChildJvm.Ready ready = app.awaitReady();

            String problem = "invalid value '5ms' for interval (agent-argument): expected a duration from 100ms to 1m "
                    + "such as 500ms, 2s, 1m or plain milliseconds";
            assertThat(app.memtrackLines()).contains("[memtrack] warning: " + problem
                    + "; heap-stats, system-stats, processes, policy, json-log stay off");
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            for (String off : List.of("heap-stats", "system-stats", "processes", "policy", "json-log")) {
                AgentSubsystems.assertDisabled(states, off, "invalid configuration: " + problem);
            }
            AgentSubsystems.assertRunning(states, "jolokia", "simulator");
            assertThat(new JolokiaClient(ready.jolokiaUri()).version().status()).isEqualTo(200);
            Heartbeat.assertContinues(app);
        }
    }

    @Test
    void failFastRefusesToStartTheAgentButTheApplicationRuns() throws Exception {
        try (ChildJvm app = ChildJvm.withAgent("failFast=true,jolokia.prot=1").main(HeartbeatApp.class).start()) {
            app.awaitStderr("[memtrack] not started (failFast=true): 1 configuration problem above; "
                    + "the application runs without memtrack");

            assertThat(app.memtrackLines()).first().asString()
                    .startsWith("[memtrack] warning: unknown key 'jolokia.prot' (agent-argument) ignored");
            assertThat(app.stderr()).doesNotContain("ready:");
            try (Jmx jmx = Jmx.connect(app.pid())) {
                assertThat(jmx.server().queryNames(new ObjectName("memtrack:*"), null)).isEmpty();
            }
            Heartbeat.assertContinues(app);
        }
    }

    static Stream<Arguments> jolokiaRefusals() throws IOException {
        Path dir = Files.createDirectories(ChildJvm.workDir().resolve("bad-options"));
        Path policyDirectory = Files.createDirectories(dir.resolve("jolokia-access.d"));
        Path malformed = Files.writeString(dir.resolve("malformed-access.xml"), "<restrict><commands><command>read");
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "not used: the key is missing");
        return Stream.of(
                Arguments.of("jolokia.policy=" + policyDirectory, "IllegalArgumentException: jolokia.policy '"
                        + policyDirectory + "' is not a readable file; Jolokia stays off rather than run without that "
                        + "policy"),
                Arguments.of("jolokia.policy=" + dir.resolve("missing-access.xml"), "IllegalArgumentException: "
                        + "jolokia.policy '" + dir.resolve("missing-access.xml") + "' is not a readable file; Jolokia "
                        + "stays off rather than run without that policy"),
                Arguments.of("jolokia.policy=" + malformed, "IllegalArgumentException: policy " + malformed
                        + " is not a valid Jolokia access policy: "),
                Arguments.of("jolokia.user=ops", "IllegalArgumentException: jolokia.user and jolokia.password must be "
                        + "set together; only jolokia.user is set"),
                Arguments.of("jolokia.https.cert=" + certificate, "IllegalArgumentException: jolokia.https.cert and "
                        + "jolokia.https.key must be set together; only jolokia.https.cert is set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jolokiaRefusals")
    void jolokiaStaysOffWithAClearReasonWhenItCannotBeSafe(String option, String reason) {
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0," + option).main(HeartbeatApp.class).start()) {
            assertThat(app.awaitReady().jolokiaOff()).isTrue();

            String line = app.awaitStderr("[memtrack] warning: jolokia disabled: ");
            assertThat(line).startsWith("[memtrack] warning: jolokia disabled: failed to start: " + reason)
                    .endsWith(KEEP_RUNNING);
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            assertThat(AgentSubsystems.named(states, "jolokia").reason())
                    .isEqualTo(line.substring("[memtrack] warning: jolokia disabled: ".length(),
                            line.length() - KEEP_RUNNING.length()));
            AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "policy");
            Heartbeat.assertContinues(app);
        }
    }

    @Test
    void portInUseDisablesJolokiaWithAMessageNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ChildJvm app = ChildJvm.withAgent("jolokia.port=" + taken.getLocalPort())
                     .main(HeartbeatApp.class).start()) {
            assertThat(app.awaitReady().jolokiaOff()).isTrue();

            String reason = "failed to start: IOException: jolokia.port " + taken.getLocalPort() + " on 127.0.0.1 is "
                    + "already in use; choose another port, or jolokia.port=0 for any free port (caused by "
                    + "BindException: Address already in use)";
            assertThat(app.memtrackLines()).contains("[memtrack] warning: jolokia disabled: " + reason + KEEP_RUNNING);
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            AgentSubsystems.assertDisabled(states, "jolokia", reason);
            AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "policy");
            Heartbeat.assertContinues(app);
        }
    }

    @Test
    void anUnreadableRulesFileDisablesOnlyThePolicyWithTheReasonAsItsState() throws Exception {
        Path unreadable = Files.createDirectories(ChildJvm.workDir().resolve("bad-options").resolve("rules.d"));
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,policy=ENFORCE,policy.file=" + unreadable)
                .main(HeartbeatApp.class).start()) {
            ChildJvm.Ready ready = app.awaitReady();

            String reason = "Cannot read policy rules file '" + unreadable + "': Is a directory";
            assertThat(app.memtrackLines()).contains("[memtrack] warning: policy disabled: " + reason + KEEP_RUNNING);
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            AgentSubsystems.assertDisabled(states, "policy", reason);
            AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "jolokia");
            assertThat(new JolokiaClient(ready.jolokiaUri()).read(PolicyMXBean.OBJECT_NAME, "Mode").status())
                    .as("no Policy MBean").isEqualTo(404);
            Heartbeat.assertContinues(app);
        }
    }
}

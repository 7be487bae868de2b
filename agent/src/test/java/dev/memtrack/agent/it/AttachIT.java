package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.TestJdk;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code java -jar memtrack-agent.jar attach|status|list} against real JVMs. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachIT {

    private static final Pattern ATTACHED = Pattern.compile("memtrack (\\S+) running in (\\d+): jolokia (\\S+), mbeans memtrack:\\*");

    private static ChildJvm target;
    private static ChildJvm plain;

    @BeforeAll
    static void start() {
        target = ChildJvm.withoutAgent().name("attach-target").main(WorkloadApp.class, "idle").start();
        plain = ChildJvm.withoutAgent().name("plain").jvmArgs("-Dmemtrack.bogus=1").main(WorkloadApp.class, "idle")
                .start();
        target.awaitStdout("workload-app started");
        plain.awaitStdout("workload-app started");
    }

    @AfterAll
    static void stop() {
        ChildJvm.closeQuietly(target, plain);
    }

    @Test
    @Order(1)
    void attachLoadsTheAgentIntoARunningJvm() {
        ChildJvm.CliResult attach = ChildJvm.cli("attach", Long.toString(target.pid()), "jolokia.port=0,interval=500ms");

        assertThat(attach.exitStatus()).as(attach.stderr()).isZero();
        Matcher m = ATTACHED.matcher(attach.stdout());
        assertThat(m.find()).as(attach.stdout()).isTrue();
        assertThat(m.group(2)).isEqualTo(Long.toString(target.pid()));
        ChildJvm.Ready ready = target.awaitReady();
        assertThat(m.group(3)).isEqualTo(ready.jolokia());
        if (TestJdk.featureVersion() >= 21) {
            assertThat(attach.stderr()).contains("-XX:+EnableDynamicAgentLoading");
        }
        JolokiaClient jolokia = new JolokiaClient(URI.create(ready.jolokia()));
        assertThat(jolokia.read(AgentMXBean.OBJECT_NAME, "StartMode").value()).isEqualTo("attach");
        assertThat(target.isAlive()).isTrue();
    }

    @Test
    @Order(2)
    void attachingTwiceDoesNotStartASecondCopy() {
        ChildJvm.CliResult again = ChildJvm.cli("attach", Long.toString(target.pid()), "jolokia.port=0");

        assertThat(again.exitStatus()).as(again.stderr()).isZero();
        assertThat(again.stdout()).startsWith("memtrack is already running in " + target.pid() + ": memtrack ")
                .contains("(attach at ");
        assertThat(target.stderrLines()).filteredOn(l -> ChildJvm.READY.matcher(l).find()).hasSize(1);
    }

    @Test
    @Order(3)
    void statusAndListShowTheAgent() {
        ChildJvm.CliResult status = ChildJvm.cli("status", Long.toString(target.pid()));
        assertThat(status.exitStatus()).isZero();
        assertThat(status.stdout()).contains("ready, jolokia http://127.0.0.1:");

        ChildJvm.CliResult list = ChildJvm.cli("list");
        assertThat(list.exitStatus()).isZero();
        assertThat(list.stdout()).startsWith("PID").containsPattern(
                "(?m)^" + target.pid() + "\\s+\\S+\\s+http://127\\.0\\.0\\.1:\\d+/jolokia/\\s+" + WorkloadApp.class.getName())
                .containsPattern("(?m)^" + plain.pid() + "\\s+-\\s+-\\s+" + WorkloadApp.class.getName());
    }

    @Test
    @Order(4)
    void statusOfAJvmWithoutMemtrackSaysSo() {
        ChildJvm.CliResult status = ChildJvm.cli("status", Long.toString(plain.pid()));

        assertThat(status.exitStatus()).isEqualTo(1);
        assertThat(status.stdout().strip()).isEqualTo(plain.pid() + ": memtrack not loaded");
    }

    @Test
    @Order(5)
    void failFastInTheTargetMakesAttachFailAndLeavesTheApplicationAlone() {
        ChildJvm.CliResult attach = ChildJvm.cli("attach", Long.toString(plain.pid()), "failFast=true");

        assertThat(attach.exitStatus()).isEqualTo(1);
        assertThat(attach.stderr()).contains("memtrack: memtrack refused to start in " + plain.pid()
                + ": not started (failFast=true): 1 configuration problem above");
        plain.awaitStderr("unknown system property memtrack.bogus ignored");
        assertThat(plain.isAlive()).isTrue();
        assertThat(ChildJvm.cli("status", Long.toString(plain.pid())).stdout())
                .contains("memtrack not loaded (not started (failFast=true)");
    }

    @Test
    @Order(6)
    void attachToAProcessThatDoesNotExistFailsWithOneLine() {
        ChildJvm.CliResult attach = ChildJvm.cli("attach", "2147483000");

        assertThat(attach.exitStatus()).isEqualTo(1);
        assertThat(attach.stderr().strip()).isEqualTo("memtrack: no process with pid 2147483000 is running");
    }

    @Test
    @Order(7)
    void badUsageExitsWithTwo() {
        ChildJvm.CliResult usage = ChildJvm.cli("attach", "not-a-pid");

        assertThat(usage.exitStatus()).isEqualTo(2);
        assertThat(usage.stderr().strip()).isEqualTo("memtrack: 'not-a-pid' is not a process id (a positive integer) "
                + "(try --help)");
    }
}

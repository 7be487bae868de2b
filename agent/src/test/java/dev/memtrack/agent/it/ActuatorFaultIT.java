package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.AgentSubsystems;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Heartbeat;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.PolicyOverJolokia;
import dev.memtrack.agent.testing.PolicyOverJolokia.Decision;
import dev.memtrack.agent.testing.apps.HeartbeatApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An actuator that throws: a program whose setters fail ({@code broken}, see {@link HeartbeatApp}). The
 * policy records the action as FAILED with the program's reason, says so once on stderr, takes the next
 * option of the same rule, and its other rules keep working; the application runs on.
 */
class ActuatorFaultIT {

    private static final String RULES = """
            # Out of reach until a test lowers the threshold (heap.used.percent is never above 100).
            rule.throttle.metric        = heap.used.percent
            rule.throttle.above         = 100
            rule.throttle.release       = 99
            rule.throttle.hold          = 0s
            rule.throttle.cooldown      = 10m
            rule.throttle.restore-after = 10m
            rule.throttle.actions       = reduce-parallelism(workload:broken), reduce-parallelism(workload:steady)

            rule.rest.metric        = heap.used.percent
            rule.rest.above         = 100
            rule.rest.release       = 99
            rule.rest.hold          = 0s
            rule.rest.cooldown      = 10m
            rule.rest.restore-after = 10m
            rule.rest.actions       = pause(workload:steady)
            """;

    private static ChildJvm app;
    private static JolokiaClient jolokia;
    private static PolicyOverJolokia policy;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(ChildJvm.workDir().resolve("actuator-fault-" + System.nanoTime()));
        Path rules = Files.writeString(dir.resolve("rules.properties"), RULES);
        app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,policy=ENFORCE,policy.interval=60s,policy.file=" + rules)
                .main(HeartbeatApp.class, "programs").start();
        jolokia = new JolokiaClient(app.awaitReady().jolokiaUri());
        policy = new PolicyOverJolokia(jolokia);
    }

    @AfterAll
    static void stop() {
        ChildJvm.closeQuietly(app);
    }

    @Test
    void aFailingActionIsMarkedUnavailableWithTheReasonAndTheOtherOptionsAndRulesGoOn() {
        long before = policy.lastDecisionId();

        policy.setThreshold("throttle", 0);
        assertThat(policy.call("evaluateNow")).isEqualTo(2L);

        String failure = "setting Parallelism of memtrack:type=Workload,name=broken to 2 failed: "
                + HeartbeatApp.BROKEN;
        assertThat(policy.decisionsAfter(before)).satisfiesExactly(d -> {
            assertThat(d.brief()).isEqualTo("throttle reduce-parallelism workload:broken parallelism=4 -> "
                    + "parallelism=4 FAILED");
            assertThat(d.message()).endsWith("; failed: " + failure);
        }, d -> assertThat(d.brief()).isEqualTo("throttle reduce-parallelism workload:steady parallelism=4 -> "
                + "parallelism=2 PENDING"));
        assertThat(app.awaitStderr("[memtrack] warning: Policy action")).isEqualTo("[memtrack] warning: Policy action "
                + "reduce-parallelism workload:broken failed and is unavailable for 10m: " + failure);
        assertThat(program("steady", "Parallelism")).isEqualTo(2L);
        assertThat(program("broken", "Parallelism")).isEqualTo(4L);

        long afterThrottle = policy.lastDecisionId();
        policy.setThreshold("rest", 0);
        assertThat(policy.call("evaluateNow")).isEqualTo(1L);

        assertThat(policy.decisionsAfter(afterThrottle)).extracting(Decision::brief)
                .containsExactly("rest pause workload:steady paused=false -> paused=true PENDING");
        assertThat(program("steady", "Paused")).isEqualTo(true);
        assertThat(app.memtrackLines()).filteredOn(l -> l.contains("Policy action")).hasSize(1);
        AgentSubsystems.assertRunning(AgentSubsystems.of(app), "policy", "heap-stats", "jolokia");
        Heartbeat.assertContinues(app);
    }

    private static Object program(String name, String attribute) {
        JolokiaClient.Response r = jolokia.read("memtrack:type=Workload,name=" + name, attribute);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.value();
    }
}

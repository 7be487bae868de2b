package dev.memtrack.agent.policy.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.core.Agent;
import dev.memtrack.agent.core.TargetProperties;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.policy.PolicySettings;
import dev.memtrack.agent.policy.act.ProcessSelector;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy subsystem inside a real agent started in this JVM (Jolokia off), over the platform
 * MBeanServer with real workload programs: it starts from the configuration, acts through its MBean,
 * and on stop unregisters the MBean and gives back what it changed while the programs are still there.
 */
class PolicySubsystemTest {

    private static final String RULES = """
            rule.squeeze.metric        = heap.used.percent
            rule.squeeze.above         = 0
            rule.squeeze.hold          = 0s
            rule.squeeze.cooldown      = 10m
            rule.squeeze.restore-after = 10m
            rule.squeeze.actions       = reduce-parallelism(background), reduce-parallelism(workload:front)
            """;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final ObjectName policyName = name(PolicyMXBean.OBJECT_NAME);
    @TempDir
    Path dir;
    private Agent agent;
    private TestWorkload batch;
    private TestWorkload front;

    @AfterEach
    void stopEverything() throws Exception {
        if (agent != null) {
            agent.stop();
        }
        for (TestWorkload w : new TestWorkload[] {batch, front}) {
            if (w != null) {
                w.close();
            }
        }
        for (String p : List.of(TargetProperties.VERSION, TargetProperties.STATE, TargetProperties.JOLOKIA_URL)) {
            System.clearProperty(p);
        }
    }

    private Agent start(String options) {
        // No Instrumentation here: allocation tracking stays off rather than failing to start.
        agent = new Agent(AgentConfig.parse("jolokia=false,alloc=disabled,interval=100ms," + options, Map.of(),
                Map.of()), null, dir, log, "premain", System.currentTimeMillis());
        agent.start();
        return agent;
    }

    @Test
    void actsThroughItsMBeanAndOnStopUnregistersItAndGivesBackWhileTheProgramsAreStillThere() throws Exception {
        batch = TestWorkload.register(server, "batch", Priority.BACKGROUND, 4, 1024);
        front = TestWorkload.register(server, "front", Priority.CRITICAL, 4, 1024);
        Path rules = Files.writeString(dir.resolve("rules.properties"), RULES);
        // A 60 s interval: the only evaluation is the one this test asks for.
        start("policy=enforce,policy.interval=60s,policy.file=" + rules);

        assertThat(subsystem("policy").state()).isEqualTo(SubsystemState.RUNNING);
        assertThat(server.getAttribute(policyName, "Mode")).isEqualTo("ENFORCE");
        assertThat(server.getAttribute(policyName, "EvaluationIntervalMillis")).isEqualTo(60_000L);
        assertThat(server.invoke(policyName, "evaluateNow", new Object[0], new String[0])).isEqualTo(1);
        assertThat(batch.getParallelism()).isEqualTo(2);
        assertThat(front.getParallelism()).isEqualTo(4);

        agent.stop();

        assertThat(server.isRegistered(policyName)).isFalse();
        assertThat(batch.getParallelism()).as("given back on stop").isEqualTo(4);
        assertThat(server.isRegistered(name("memtrack:type=Workload,name=batch"))).isTrue();
        assertThat(front.getParallelism()).isEqualTo(4);
        assertThat(logText()).doesNotContain("warning");
    }

    @Test
    void anInvalidRulesFileDisablesOnlyThePolicyWithEveryProblemAsItsState() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.properties"), "rule.cpu.metric = system.cpu.percent\n");
        start("policy.file=" + rules);

        SubsystemStatus status = subsystem("policy");
        assertThat(status.state()).isEqualTo(SubsystemState.DISABLED);
        assertThat(status.reason()).startsWith("Policy rules in " + rules + " are invalid:")
                .contains("rule 'cpu': missing rule.cpu.above", "rule 'cpu': missing rule.cpu.actions");
        assertThat(subsystem("heap-stats").state()).isEqualTo(SubsystemState.RUNNING);
        assertThat(server.isRegistered(policyName)).isFalse();
        assertThat(logText()).contains("[memtrack] warning: policy disabled: Policy rules in " + rules
                + " are invalid:");
    }

    @Test
    void offIsAModeNotAReasonToStayOff() throws Exception {
        start("policy=OFF");

        assertThat(subsystem("policy").state()).isEqualTo(SubsystemState.RUNNING);
        assertThat(server.getAttribute(policyName, "Mode")).isEqualTo("OFF");
        server.setAttribute(policyName, new Attribute("Mode", "ADVISORY"));
        assertThat(server.getAttribute(policyName, "Mode")).isEqualTo("ADVISORY");
    }

    @Test
    void settingsComeFromTheAgentsKeys() {
        AgentConfig config = AgentConfig.parse("policy=enforce,policy.interval=500ms,policy.file=/etc/rules,"
                + "policy.processes=1234;post*,policy.seed=-7,policy.decisions=5", Map.of(), Map.of());

        PolicySettings s = PolicySubsystem.settings(config);

        assertThat(config.problems()).isEmpty();
        assertThat(s).isEqualTo(new PolicySettings(PolicyMode.ENFORCE, Duration.ofMillis(500),
                Optional.of(Path.of("/etc/rules")), List.of(new ProcessSelector.Pid(1234),
                new ProcessSelector.NamePattern("post*")), -7, 5));
        assertThat(PolicySubsystem.settings(AgentConfig.defaults())).isEqualTo(PolicySettings.defaults());
    }

    private SubsystemStatus subsystem(String name) throws Exception {
        return AgentMXBean.SUBSYSTEM_TABLE.fromTabularData((TabularData) server.getAttribute(
                name(AgentMXBean.OBJECT_NAME), "Subsystems")).stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}

package dev.memtrack.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.agent.policy.act.ProcessSelector;
import dev.memtrack.agent.policy.record.Warnings;
import dev.memtrack.agent.policy.testing.ManualClock;
import dev.memtrack.agent.policy.testing.Sleeper;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled policy: rules file, real scheduler thread, real programs and processes. */
class PolicyEngineTest {

    private static final String CPU_RULE = """
            rule.cpu.metric = system.cpu.percent
            rule.cpu.above = 80
            rule.cpu.release = 60
            rule.cpu.hold = 300ms
            rule.cpu.cooldown = 300ms
            rule.cpu.restore-after = 500ms
            rule.cpu.actions = reduce-parallelism(background), reduce-parallelism(normal)
            """;

    @TempDir
    Path dir;
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<PolicyDecision> logged = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final AtomicInteger otherLoad = new AtomicInteger();
    private final List<AutoCloseable> closeLater = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    private PolicySettings settings(String rules) throws Exception {
        Path file = dir.resolve("rules.properties");
        Files.writeString(file, rules);
        return PolicySettings.defaults().withMode(PolicyMode.ENFORCE).withInterval(Duration.ofMillis(100))
                .withRulesFile(file);
    }

    private TestWorkload workload(String name, Priority priority, int parallelism) throws Exception {
        TestWorkload w = TestWorkload.register(server, name, priority, parallelism, 1024);
        closeLater.add(w);
        return w;
    }

    @Test
    void throttlesTheBackgroundProgramUnderLoadAndGivesItBackWhenTheLoadEnds() throws Exception {
        TestWorkload front = workload("front", Priority.CRITICAL, 2);
        TestWorkload batch = workload("batch", Priority.BACKGROUND, 4);
        TestWorkload reports = workload("reports", Priority.NORMAL, 2);
        // CPU as the machine would see it: other load plus the programs' running worker threads.
        PolicyEngine engine = PolicyEngine.start(settings(CPU_RULE), () -> MetricsSnapshot.empty(0)
                        .with(MetricNames.SYSTEM_CPU_PERCENT, otherLoad.get() + 5.0 * (front.liveThreads()
                                + batch.liveThreads() + reports.liveThreads())),
                server, logged::add, warnings::add);
        closeLater.add(0, engine);

        otherLoad.set(50); // 50 + 5 * 8 = 90 > 80
        await("batch throttled", () -> batch.liveThreads() == 2);
        otherLoad.set(0);
        await("batch restored", () -> batch.liveThreads() == 4);

        assertThat(front.getParallelism()).isEqualTo(2);
        assertThat(reports.getParallelism()).isEqualTo(2);
        List<PolicyDecision> decisions =
                PolicyMXBean.DECISION_TABLE.fromTabularData(engine.mbean().getRecentDecisions());
        assertThat(decisions).extracting(PolicyDecision::rule, PolicyDecision::target, PolicyDecision::after)
                .contains(org.assertj.core.groups.Tuple.tuple("undo", "workload:batch", "parallelism=4"),
                        org.assertj.core.groups.Tuple.tuple("cpu", "workload:batch", "parallelism=2"));
        assertThat(logged).extracting(PolicyDecision::outcome).contains("PENDING", "EFFECTIVE", "UNDONE");
        assertThat(engine.summary().changesInForce()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnreadableRulesFileLeavesThePolicyOffWithAClearMessage() throws Exception {
        Path missing = dir.resolve("missing.properties");
        PolicyEngine engine = PolicyEngine.start(PolicySettings.defaults().withRulesFile(missing),
                () -> MetricsSnapshot.empty(0), server, logged::add, warnings::add);
        closeLater.add(engine);

        String reason = "Cannot read policy rules file '" + missing + "': no such file\n"
                + "The policy stays OFF; fix policy.file and restart.";
        assertThat(warnings).containsExactly(reason);
        assertThat(engine.mbean().getMode()).isEqualTo(PolicyMode.OFF);
        assertThat(engine.summary().disabledReason()).isEqualTo(reason);
        assertThatThrownBy(() -> engine.mbean().setMode(PolicyMode.ENFORCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The policy is disabled and stays OFF: " + reason);
        assertThat(engine.mbean().evaluateNow()).isZero();
    }

    @Test
    void anInvalidRulesFileNamesEveryProblem() throws Exception {
        PolicyEngine engine = PolicyEngine.start(settings("rule.cpu.metric = system.cpu.percent\n"),
                () -> MetricsSnapshot.empty(0), server, logged::add, warnings::add);
        closeLater.add(engine);

        assertThat(warnings).singleElement().asString()
                .startsWith("Policy rules in " + dir.resolve("rules.properties") + " are invalid:\n  ")
                .contains("rule 'cpu': missing rule.cpu.above", "rule 'cpu': missing rule.cpu.actions");
        assertThat(engine.mbean().getMode()).isEqualTo(PolicyMode.OFF);
    }

    @Test
    void withoutAFileTheBuiltInRulesRunInAdvisoryMode() {
        PolicyEngine engine = PolicyEngine.start(PolicySettings.defaults(), () -> MetricsSnapshot.empty(0), server,
                logged::add, warnings::add);
        closeLater.add(engine);

        assertThat(engine.mbean().getMode()).isEqualTo(PolicyMode.ADVISORY);
        assertThat(engine.mbean().getThresholds()).containsOnlyKeys("cpu", "heap", "swap", "overload");
        assertThat(engine.summary().ruleStates()).containsEntry("cpu", "IDLE");
        assertThat(engine.notificationInfo()).hasSize(1);
    }

    @Test
    void renicesARealChildProcessThroughTheEngineAndRestoresIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        Process child = Sleeper.start();
        closeLater.add(child::destroyForcibly);
        long missing = 4_194_305;
        PolicySettings s = settings("""
                rule.cpu.metric = system.cpu.percent
                rule.cpu.above = 80
                rule.cpu.hold = 0s
                rule.cpu.actions = renice
                """).withProcesses(List.of(new ProcessSelector.Pid(child.pid()), new ProcessSelector.Pid(missing)));
        ManualClock clock = new ManualClock();
        PolicyEngine engine = PolicyEngine.start(s, () -> MetricsSnapshot.empty(0)
                        .with(MetricNames.SYSTEM_CPU_PERCENT, 95), logged::add, new Warnings(warnings::add), clock,
                PolicyEngine.defaultActuators(s, server), false);
        closeLater.add(engine);

        assertThat(engine.mbean().evaluateNow()).isEqualTo(1);

        assertThat(nice(child.pid())).isEqualTo(5);
        assertThat(engine.summary().changesInForce()).singleElement().asString()
                .startsWith("process:" + child.pid() + " nice=0 -> nice=5 (rule cpu, decision #1");
        assertThat(engine.summary().unavailable())
                .containsEntry("renice process:" + missing, "process " + missing + " does not exist");
        assertThat(engine.mbean().undoAll()).isEqualTo(1);
        assertThat(nice(child.pid())).isZero();
    }

    @Test
    void closeStopsEvaluatingAndGivesBackWhatTheEngineTook() throws Exception {
        TestWorkload batch = workload("batch", Priority.BACKGROUND, 4);
        PolicySettings s = settings(CPU_RULE.replace("hold = 300ms", "hold = 0s"));
        PolicyEngine engine = PolicyEngine.start(s, () -> MetricsSnapshot.empty(0)
                        .with(MetricNames.SYSTEM_CPU_PERCENT, 95), logged::add, new Warnings(warnings::add),
                new ManualClock(), PolicyEngine.defaultActuators(s, server), false);
        engine.mbean().evaluateNow();
        assertThat(batch.getParallelism()).isEqualTo(2);

        engine.close();
        engine.close();

        assertThat(batch.getParallelism()).isEqualTo(4);
        assertThat(engine.mbean().getMode()).isEqualTo(PolicyMode.OFF);
        assertThat(engine.mbean().evaluateNow()).isZero();
        assertThat(logged).last().extracting(PolicyDecision::rule, PolicyDecision::outcome, PolicyDecision::message)
                .containsExactly("manual", "UNDONE", "the agent is stopping (undoes decision #1 of rule cpu)");
    }

    private static int nice(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    /** Polls a condition the engine's own thread brings about; fails after a generous bound, never asserts time. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}

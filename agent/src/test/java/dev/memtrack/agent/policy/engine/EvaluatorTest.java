package dev.memtrack.agent.policy.engine;

import static dev.memtrack.agent.policy.engine.EngineHarness.runningThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.memtrack.agent.policy.MetricNames;
import dev.memtrack.agent.policy.testing.TestAllocationTracker;
import dev.memtrack.agent.policy.testing.TestStressGenerator;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.EffectivenessRow;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.RuleRow;
import dev.memtrack.mbeans.WorkloadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.StandardMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engine logic over real workload programs with a hand-moved clock: one {@code step()} is one second
 * and one evaluation. The CPU metric is computed from the programs' real running threads plus a load
 * the test turns on and off, so what the engine does to the programs really moves the metric.
 */
class EvaluatorTest {

    private static final String CPU_RULE = """
            rule.cpu.metric = system.cpu.percent
            rule.cpu.above = 80
            rule.cpu.release = 60
            rule.cpu.hold = 3s
            rule.cpu.cooldown = 2s
            rule.cpu.restore-after = 4s
            rule.cpu.actions = reduce-parallelism(background), reduce-parallelism(normal)
            """;

    private final AtomicInteger otherLoad = new AtomicInteger();
    private EngineHarness h;
    private TestWorkload front;
    private TestWorkload batch;
    private TestWorkload reports;

    private void start(String rules, PolicyMode mode, int batchParallelism) throws Exception {
        h = new EngineHarness(rules, mode);
        front = h.workload("front", Priority.CRITICAL, 2);
        batch = h.workload("batch", Priority.BACKGROUND, batchParallelism);
        reports = h.workload("reports", Priority.NORMAL, 2);
        h.metric(MetricNames.SYSTEM_CPU_PERCENT, () -> otherLoad.get() + 5 * runningThreads(front, batch, reports));
    }

    @AfterEach
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void holdsThenHalvesTheBackgroundProgramMeasuresAndRestoresWhenTheLoadIsGone() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 4);
        otherLoad.set(50); // 50 + 5 * 8 threads = 90 > 80

        assertThat(h.run(3)).isZero();
        assertThat(rule().state()).isEqualTo("PENDING");
        assertThat(h.step()).isEqualTo(1); // held for 3 s
        assertThat(batch.getParallelism()).isEqualTo(2);
        assertThat(batch.liveThreads()).isEqualTo(2);
        assertThat(rule().state()).isEqualTo("COOLDOWN");
        PolicyDecision acted = h.decisions().get(0);
        assertThat(acted).extracting(PolicyDecision::rule, PolicyDecision::action, PolicyDecision::target,
                PolicyDecision::before, PolicyDecision::after, PolicyDecision::mode, PolicyDecision::outcome,
                PolicyDecision::value, PolicyDecision::threshold)
                .containsExactly("cpu", "reduce-parallelism", "workload:batch", "parallelism=4", "parallelism=2",
                        "ENFORCE", "PENDING", 90.0, 80.0);
        assertThat(acted.effect()).isNaN();

        h.run(2); // the 2 s window: the metric is 50 + 5 * 6 = 80
        PolicyDecision measured = h.decisions().get(0);
        assertThat(measured.id()).isEqualTo(acted.id());
        assertThat(measured.outcome()).isEqualTo("EFFECTIVE");
        assertThat(measured.effect()).isEqualTo(-10.0);
        assertThat(h.engine.view().effectiveness())
                .containsExactly(new EffectivenessRow("cpu", "reduce-parallelism", "workload:batch", 1, 1, 2.0 / 3));
        assertThat(rule().state()).isEqualTo("ACTIVE");

        otherLoad.set(10); // load gone: 10 + 30 = 40 < 60
        assertThat(h.run(4)).isZero();
        assertThat(h.step()).isEqualTo(1); // below release for 4 s
        assertThat(batch.getParallelism()).isEqualTo(4);
        assertThat(batch.liveThreads()).isEqualTo(4);
        assertThat(h.decisions().get(1)).extracting(PolicyDecision::rule, PolicyDecision::target,
                PolicyDecision::before, PolicyDecision::after, PolicyDecision::outcome)
                .containsExactly("undo", "workload:batch", "parallelism=2", "parallelism=4", "UNDONE");
        h.run(5);
        assertThat(rule().state()).isEqualTo("IDLE");
        assertThat(h.decisions()).hasSize(2);
        assertThat(front.getParallelism()).isEqualTo(2);
        assertThat(reports.getParallelism()).isEqualTo(2);
        assertThat(h.published()).extracting(PolicyDecision::outcome).containsExactly("PENDING", "EFFECTIVE", "UNDONE");
    }

    @Test
    void undoesStepByStepNewestFirst() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 8);
        otherLoad.set(60); // 60 + 5 * 12 = 120

        h.run(4); // 8 -> 4: 100
        h.run(2); // measured effective; 4 -> 2 at once: 90
        h.run(2); // 2 -> 1: 85
        assertThat(batch.getParallelism()).isEqualTo(1);

        otherLoad.set(0);
        h.run(2); // the last measurement ends
        h.run(4);
        assertThat(batch.getParallelism()).isEqualTo(2);
        h.run(4);
        assertThat(batch.getParallelism()).isEqualTo(4);
        h.run(4);
        assertThat(batch.getParallelism()).isEqualTo(8);
        assertThat(h.decisions()).filteredOn(d -> d.rule().equals("undo")).extracting(PolicyDecision::after)
                .containsExactly("parallelism=2", "parallelism=4", "parallelism=8");
    }

    @Test
    void escalatesToNormalProgramsWhenBackgroundOnesCannotGoLowerAndNeverTouchesCriticalOnes() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 1);
        otherLoad.set(70); // 70 + 5 * 5 = 95

        h.run(4);

        assertThat(reports.getParallelism()).isEqualTo(1);
        assertThat(batch.getParallelism()).isEqualTo(1);
        assertThat(front.getParallelism()).isEqualTo(2);
        assertThat(h.engine.view().unavailable())
                .containsEntry("reduce-parallelism workload:batch", "workload:batch is already at parallelism 1");

        h.run(20); // every program is at its floor or critical
        assertThat(front.getParallelism()).isEqualTo(2);
        assertThat(h.warnings).anySatisfy(w -> assertThat(w).startsWith(
                "Policy rule 'cpu' fired (system.cpu.percent 90.0 > 80.0 for 3s) but no action is available: "));
    }

    @Test
    void advisoryDecidesAndRecordsButChangesNothing() throws Exception {
        start(CPU_RULE, PolicyMode.ADVISORY, 4);
        otherLoad.set(50);

        assertThat(h.run(4)).isEqualTo(1);
        assertThat(h.run(2)).isEqualTo(1); // after the cooldown, advised again

        assertThat(batch.getParallelism()).isEqualTo(4);
        assertThat(batch.liveThreads()).isEqualTo(4);
        assertThat(h.decisions()).hasSize(2).allSatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("ADVISED");
            assertThat(d.mode()).isEqualTo("ADVISORY");
            assertThat(d.target()).isEqualTo("workload:batch");
            assertThat(d.before()).isEqualTo("parallelism=4");
            assertThat(d.after()).isEqualTo("parallelism=4");
            assertThat(d.message()).isEqualTo("system.cpu.percent 90.0 > 80.0 for 3s; would set parallelism=2");
        });
        assertThat(h.engine.view().changes()).isEmpty();
    }

    @Test
    void offEvaluatesNothing() throws Exception {
        start(CPU_RULE, PolicyMode.OFF, 4);
        otherLoad.set(90);

        assertThat(h.run(10)).isZero();
        assertThat(batch.getParallelism()).isEqualTo(4);
        assertThat(rule().lastValue()).isNaN();
    }

    @Test
    void aPinnedTargetIsNeitherThrottledNorRestored() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 4);
        h.engine.pin("workload:batch");
        otherLoad.set(60); // 60 + 5 * 8 = 100

        h.run(4);
        assertThat(batch.getParallelism()).isEqualTo(4);
        assertThat(reports.getParallelism()).isEqualTo(1);
        assertThat(h.engine.view().unavailable()).containsEntry("reduce-parallelism workload:batch",
                "workload:batch is pinned");

        h.engine.unpin("workload:batch");
        h.run(2); // reports did not help enough (95), reverted; batch halved at once
        assertThat(batch.getParallelism()).isEqualTo(2);
        h.engine.pin("workload:batch");
        otherLoad.set(0);
        h.run(20);
        assertThat(batch.getParallelism()).isEqualTo(2);
        assertThat(h.engine.undoAll()).isZero();
        assertThat(batch.getParallelism()).isEqualTo(2);
        assertThat(h.engine.view().changes()).singleElement().asString().contains("workload:batch", "pinned");

        h.engine.unpin("workload:batch");
        assertThat(h.engine.undoAll()).isEqualTo(1);
        assertThat(batch.getParallelism()).isEqualTo(4);
    }

    @Test
    void undoAllRestoresEverySettingAfterAModeSwitch() throws Exception {
        String rules = CPU_RULE + """
                rule.swap.metric = system.swap.used.percent
                rule.swap.above = 5
                rule.swap.hold = 0s
                rule.swap.actions = stop-stress
                rule.gc.metric = gc.time.percent
                rule.gc.above = 10
                rule.gc.hold = 0s
                rule.gc.restore-after = 4s
                rule.gc.actions = sample-less
                """;
        start(rules, PolicyMode.ENFORCE, 4);
        TestStressGenerator stress = TestStressGenerator.register(h.server, 64L << 20);
        TestAllocationTracker tracker = TestAllocationTracker.register(h.server, AllocationMode.EXACT, 4096);
        try (stress) {
            stress.start(4, 32, "STEADY");
            // The machine swaps while the stress generator runs; exact tracking costs GC time.
            h.metric(MetricNames.SYSTEM_SWAP_USED_PERCENT, () -> stress.isRunning() ? 20 : 0);
            AtomicInteger gcPressure = new AtomicInteger(1);
            h.metric(MetricNames.GC_TIME_PERCENT,
                    () -> gcPressure.get() == 1 && tracker.getMode() == AllocationMode.EXACT ? 30 : 5);
            otherLoad.set(50);

            h.run(4);
            assertThat(stress.isRunning()).isFalse();
            assertThat(tracker.getMode()).isEqualTo(AllocationMode.SAMPLED);
            assertThat(batch.getParallelism()).isEqualTo(2);
            assertThat(h.engine.view().changes()).hasSize(3);
            otherLoad.set(0);
            gcPressure.set(0);
            h.run(20); // pressure gone: the engine restores batch and sampling itself, never the stress load
            assertThat(batch.getParallelism()).isEqualTo(4);
            assertThat(tracker.getMode()).isEqualTo(AllocationMode.EXACT);
            assertThat(stress.isRunning()).isFalse();

            gcPressure.set(1); // pressure is back
            otherLoad.set(50);
            h.run(4);
            assertThat(tracker.getMode()).isEqualTo(AllocationMode.SAMPLED);
            assertThat(batch.getParallelism()).isEqualTo(2);

            h.engine.setMode(PolicyMode.ADVISORY);
            int undone = h.engine.undoAll();

            assertThat(undone).isEqualTo(3);
            assertThat(batch.getParallelism()).isEqualTo(4);
            assertThat(stress.isRunning()).isTrue();
            assertThat(stress.getStatus().targetBytes()).isEqualTo(4L << 20);
            assertThat(tracker.getMode()).isEqualTo(AllocationMode.EXACT);
            assertThat(h.engine.view().changes()).isEmpty();
            assertThat(h.decisions()).filteredOn(d -> d.rule().equals("manual"))
                    .extracting(PolicyDecision::target, PolicyDecision::outcome, PolicyDecision::mode)
                    .containsExactlyInAnyOrder(tuple("workload:batch", "UNDONE", "ADVISORY"),
                            tuple("simulator:stress", "UNDONE", "ADVISORY"), tuple("agent:sampling", "UNDONE", "ADVISORY"));
        }
    }

    @Test
    void aFailingActuatorBecomesUnavailableTheNextOptionIsTakenAndOtherRulesGoOn() throws Exception {
        String rules = """
                rule.cpu.metric = system.cpu.percent
                rule.cpu.above = 80
                rule.cpu.hold = 0s
                rule.cpu.cooldown = 2s
                rule.cpu.actions = reduce-parallelism(workload:stubborn), reduce-parallelism(workload:batch)
                rule.gc.metric = gc.time.percent
                rule.gc.above = 10
                rule.gc.hold = 0s
                rule.gc.actions = pause(normal)
                """;
        start(rules, PolicyMode.ENFORCE, 4);
        TestWorkload inner = new TestWorkload("stubborn", Priority.BACKGROUND, 4, 8, 1024);
        try (inner) {
            WorkloadMXBean stubborn = (WorkloadMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WorkloadMXBean.class}, (p, m, a) -> {
                        if (m.getName().equals("setParallelism")) {
                            throw new IllegalStateException("parallelism is locked during maintenance");
                        }
                        try {
                            return m.invoke(inner, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            h.server.registerMBean(new StandardMBean(stubborn, WorkloadMXBean.class, true),
                    MemtrackDomain.workload("stubborn"));
            otherLoad.set(90);
            h.metric(MetricNames.GC_TIME_PERCENT, () -> 50);

            assertThat(h.step()).isEqualTo(3);

            String reason = "setting Parallelism of memtrack:type=Workload,name=stubborn to 2 failed: "
                    + "parallelism is locked during maintenance";
            assertThat(h.decisions()).extracting(PolicyDecision::rule, PolicyDecision::target, PolicyDecision::outcome)
                    .containsExactly(tuple("cpu", "workload:stubborn", "FAILED"), tuple("cpu", "workload:batch", "PENDING"),
                            tuple("gc", "workload:reports", "PENDING"));
            assertThat(h.decisions().get(0).message()).endsWith("failed: " + reason);
            assertThat(batch.getParallelism()).isEqualTo(2);
            assertThat(reports.isPaused()).isTrue();
            assertThat(h.engine.view().unavailable())
                    .containsEntry("reduce-parallelism workload:stubborn", "failed: " + reason);
            assertThat(h.warnings).containsExactly("Policy action reduce-parallelism workload:stubborn failed and is "
                    + "unavailable for 10m: " + reason);

            h.run(4);
            assertThat(h.decisions()).filteredOn(d -> d.target().equals("workload:stubborn")).hasSize(1);
        }
    }

    @Test
    void aMetricSourceThatFailsMakesRulesWaitWithOneWarning() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 4);
        h.metric(MetricNames.SYSTEM_CPU_PERCENT, () -> {
            throw new IllegalStateException("collector down");
        });

        assertThat(h.run(5)).isZero();

        assertThat(h.warnings).containsExactly(
                "Policy cannot read metrics; rules wait: java.lang.IllegalStateException: collector down");
        assertThat(batch.getParallelism()).isEqualTo(4);
    }

    @Test
    void thresholdsAndRulesChangeAtRunTime() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 4);
        otherLoad.set(50); // 90

        h.engine.setThreshold("cpu", 95);
        assertThat(h.engine.view().thresholds()).containsExactly(java.util.Map.entry("cpu", 95.0));
        assertThat(rule().releaseThreshold()).isEqualTo(75);
        assertThat(h.run(6)).isZero();

        h.engine.setThreshold("cpu", 80);
        h.engine.setEnabled("cpu", false);
        assertThat(h.run(6)).isZero();
        assertThat(rule().enabled()).isFalse();

        h.engine.setEnabled("cpu", true);
        assertThat(h.run(4)).isEqualTo(1);
        assertThat(batch.getParallelism()).isEqualTo(2);
    }

    @Test
    void badManualInputIsRefusedWithWhatIsAccepted() throws Exception {
        start(CPU_RULE, PolicyMode.ENFORCE, 4);

        assertThatThrownBy(() -> h.engine.setThreshold("nope", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown rule 'nope'; rules: cpu");
        assertThatThrownBy(() -> h.engine.setThreshold("cpu", Double.NaN)).hasMessage("Cannot set the threshold of "
                + "rule 'cpu': threshold NaN is out of range for system.cpu.percent: expected a percentage from 0 to 100");
        assertThatThrownBy(() -> h.engine.setThreshold("cpu", -5)).hasMessageContaining("threshold -5.0 is out of range");
        assertThatThrownBy(() -> h.engine.setEnabled(null, true)).hasMessage("Unknown rule 'null'; rules: cpu");
        assertThatThrownBy(() -> h.engine.pin("batch")).hasMessage(
                "Unknown target 'batch': expected workload:<name>, process:<pid>, simulator:stress or agent:sampling");
        assertThatThrownBy(() -> h.engine.pin("process:-3")).hasMessageStartingWith("Unknown target 'process:-3'");
        assertThatThrownBy(() -> h.engine.pin("workload:")).hasMessageStartingWith("Unknown target 'workload:'");
        assertThatThrownBy(() -> h.engine.unpin("workload:batch"))
                .hasMessage("Target 'workload:batch' is not pinned; pinned: none");
        assertThatThrownBy(() -> h.engine.setMode(null)).hasMessage("Mode must be one of OFF, ADVISORY, ENFORCE");
        assertThat(h.engine.view().thresholds()).containsEntry("cpu", 80.0);
        assertThat(h.engine.view().pins()).isEmpty();
    }

    @Test
    void aDisabledPolicyStaysOff() throws Exception {
        Evaluator disabled = new Evaluator(List.of(), PolicyMode.ENFORCE, "rules file is invalid", 1,
                () -> null, new dev.memtrack.agent.policy.testing.ManualClock(), List.of(),
                new dev.memtrack.agent.policy.record.DecisionRecorder(10, d -> { },
                        new dev.memtrack.agent.policy.record.Warnings(w -> { })),
                new dev.memtrack.agent.policy.record.Warnings(w -> { }));

        assertThat(disabled.mode()).isEqualTo(PolicyMode.OFF);
        assertThat(disabled.evaluate()).isZero();
        assertThatThrownBy(() -> disabled.setMode(PolicyMode.ENFORCE))
                .hasMessage("The policy is disabled and stays OFF: rules file is invalid");
        assertThat(disabled.view().disabledReason()).isEqualTo("rules file is invalid");
    }

    private RuleRow rule() {
        return h.engine.view().rules().get(0);
    }
}

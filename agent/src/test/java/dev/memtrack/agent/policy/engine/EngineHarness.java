package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.MetricsSnapshot;
import dev.memtrack.agent.policy.act.Actuator;
import dev.memtrack.agent.policy.act.SamplingActuator;
import dev.memtrack.agent.policy.act.StressActuator;
import dev.memtrack.agent.policy.act.WorkloadActuator;
import dev.memtrack.agent.policy.record.DecisionRecorder;
import dev.memtrack.agent.policy.record.Warnings;
import dev.memtrack.agent.policy.rules.RulesFile;
import dev.memtrack.agent.policy.testing.ManualClock;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * An evaluator over real workload programs in a real MBeanServer, with time moved by hand: each
 * {@link #step} advances the clock and evaluates once, so engine logic runs without sleeping.
 * Metrics are computed on demand from the suppliers a test sets (usually from the programs' real
 * thread counts).
 */
final class EngineHarness implements AutoCloseable {

    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final ManualClock clock = new ManualClock();
    final List<PolicyDecision> logged = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Map<String, DoubleSupplier> metrics = new ConcurrentHashMap<>();
    final List<TestWorkload> workloads = new ArrayList<>();
    final DecisionRecorder recorder;
    final Evaluator engine;

    EngineHarness(String rules, PolicyMode mode) throws Exception {
        this(rules, mode, 1, OptionChooser.DEFAULT_EXPLORATION, List.of());
    }

    EngineHarness(String rules, PolicyMode mode, long seed, double exploration, List<Actuator> extra)
            throws Exception {
        Warnings w = new Warnings(warnings::add);
        recorder = new DecisionRecorder(1000, logged::add, w);
        List<Actuator> actuators = new ArrayList<>(List.of(new WorkloadActuator(server), new StressActuator(server),
                new SamplingActuator(server)));
        actuators.addAll(extra);
        engine = new Evaluator(RulesFile.parse("test rules", rules), mode, null,
                new OptionChooser(seed, exploration), this::snapshot, clock, actuators, recorder, w);
    }

    TestWorkload workload(String name, Priority priority, int parallelism) throws Exception {
        TestWorkload w = TestWorkload.register(server, name, priority, parallelism, 1024);
        workloads.add(w);
        return w;
    }

    void metric(String name, DoubleSupplier value) {
        metrics.put(name, value);
    }

    /** Worker threads of the given programs that are alive and not paused: the load they put on the machine. */
    static double runningThreads(TestWorkload... programs) {
        double sum = 0;
        for (TestWorkload w : programs) {
            sum += w.isPaused() ? 0 : w.liveThreads();
        }
        return sum;
    }

    /** Advances the clock by one second and evaluates. */
    int step() {
        return step(Duration.ofSeconds(1));
    }

    int step(Duration d) {
        clock.advance(d);
        return engine.evaluate();
    }

    /** Steps {@code seconds} times, one second each; returns the decisions made. */
    int run(int seconds) {
        int made = 0;
        for (int i = 0; i < seconds; i++) {
            made += step();
        }
        return made;
    }

    /** Every published version of every decision, oldest first. */
    List<PolicyDecision> published() {
        return List.copyOf(logged);
    }

    /** The latest version of each kept decision, oldest first. */
    List<PolicyDecision> decisions() {
        List<PolicyDecision> list = new ArrayList<>(recorder.recent());
        java.util.Collections.reverse(list);
        return list;
    }

    private MetricsSnapshot snapshot() {
        Map<String, Double> values = new java.util.HashMap<>();
        metrics.forEach((k, v) -> values.put(k, v.getAsDouble()));
        return new MetricsSnapshot(clock.currentTimeMillis(), values);
    }

    @Override
    public void close() throws javax.management.JMException {
        recorder.close();
        for (TestWorkload w : workloads) {
            w.close();
        }
    }
}

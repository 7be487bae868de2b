package dev.memtrack.agent.policy.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memtrack.agent.policy.MetricNames;
import dev.memtrack.agent.policy.MetricsSnapshot;
import dev.memtrack.agent.policy.act.WorkloadActuator;
import dev.memtrack.agent.policy.engine.Evaluator;
import dev.memtrack.agent.policy.record.DecisionRecorder;
import dev.memtrack.agent.policy.record.Warnings;
import dev.memtrack.agent.policy.rules.RulesFile;
import dev.memtrack.agent.policy.testing.ManualClock;
import dev.memtrack.agent.policy.testing.TestWorkload;
import dev.memtrack.mbeans.DescribedMBean;
import dev.memtrack.mbeans.EffectivenessRow;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.RuleRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.Attribute;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Policy MBean registered in a real MBeanServer and used the way JConsole and Jolokia use it. */
class PolicyTest {

    private static final ObjectName NAME = MemtrackDomain.objectName(PolicyMXBean.OBJECT_NAME);
    private static final String RULES = """
            rule.cpu.metric = system.cpu.percent
            rule.cpu.above = 80
            rule.cpu.release = 60
            rule.cpu.hold = 0s
            rule.cpu.cooldown = 2s
            rule.cpu.actions = reduce-parallelism(background)
            rule.heap.metric = heap.afterGc.percent
            rule.heap.above = 85
            rule.heap.actions = pause(background)
            """;

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ManualClock clock = new ManualClock();
    private final AtomicReference<Double> cpu = new AtomicReference<>(50.0);
    private DecisionRecorder recorder;
    private TestWorkload batch;

    @BeforeEach
    void register() throws Exception {
        batch = TestWorkload.register(server, "batch", Priority.BACKGROUND, 4, 1024);
        Warnings warnings = new Warnings(w -> { });
        recorder = new DecisionRecorder(100, d -> { }, warnings);
        Evaluator engine = new Evaluator(RulesFile.parse("test", RULES), PolicyMode.ENFORCE, null, 1,
                () -> MetricsSnapshot.empty(clock.currentTimeMillis()).with(MetricNames.SYSTEM_CPU_PERCENT, cpu.get()),
                clock, List.of(new WorkloadActuator(server)), recorder, warnings);
        Policy impl = new Policy(engine, recorder, Duration.ofMillis(500));
        server.registerMBean(new DescribedMBean<>(impl, PolicyMXBean.class, impl, impl.getNotificationInfo()), NAME);
    }

    @AfterEach
    void close() throws Exception {
        recorder.close();
        batch.close();
    }

    @Test
    void attributesShowRulesThresholdsModeAndInterval() throws Exception {
        assertThat(get("Mode")).isEqualTo("ENFORCE");
        assertThat(get("EvaluationIntervalMillis")).isEqualTo(500L);
        assertThat(thresholds()).isEqualTo(Map.of("cpu", 80.0, "heap", 85.0));
        List<RuleRow> rules = PolicyMXBean.RULE_TABLE.fromTabularData((TabularData) get("Rules"));
        assertThat(rules).extracting(RuleRow::name).containsExactly("cpu", "heap");
        assertThat(rules.get(0)).isEqualTo(new RuleRow("cpu", true, "system.cpu.percent", 80, 60, 0, 2000,
                "reduce-parallelism(background)", "IDLE", Double.NaN));
        assertThat((String[]) get("Pins")).isEmpty();
        assertThat(((TabularData) get("RecentDecisions")).isEmpty()).isTrue();
    }

    @Test
    void operationsActAndEveryDecisionIsNotifiedWithItsCompositeData() throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        server.addNotificationListener(NAME, (n, hb) -> received.add(n), null, null);
        cpu.set(95.0);

        assertThat(call("evaluateNow")).isEqualTo(1);

        assertThat(batch.getParallelism()).isEqualTo(2);
        Notification n = received.poll(10, TimeUnit.SECONDS);
        assertThat(n).isNotNull();
        assertThat(n.getType()).isEqualTo(NotificationTypes.POLICY_DECISION);
        assertThat(n.getSource()).isEqualTo(NAME);
        PolicyDecision d = PolicyMXBean.DECISION_TABLE.fromCompositeData((CompositeData) n.getUserData());
        assertThat(d.target()).isEqualTo("workload:batch");
        assertThat(d.after()).isEqualTo("parallelism=2");
        assertThat(PolicyMXBean.DECISION_TABLE.fromTabularData((TabularData) get("RecentDecisions")))
                .extracting(PolicyDecision::id).containsExactly(d.id());

        clock.advance(Duration.ofSeconds(1));
        call("evaluateNow");
        cpu.set(94.0); // the halving did not help
        clock.advance(Duration.ofSeconds(1));
        call("evaluateNow");
        assertThat(PolicyMXBean.EFFECTIVENESS_TABLE.fromTabularData((TabularData) get("Effectiveness")))
                .containsExactly(new EffectivenessRow("cpu", "reduce-parallelism", "workload:batch", 1, 0, 1.0 / 3));
        assertThat(batch.getParallelism()).isEqualTo(4); // reverted at once
        Notification measured = received.poll(10, TimeUnit.SECONDS);
        assertThat(PolicyMXBean.DECISION_TABLE.fromCompositeData((CompositeData) measured.getUserData()))
                .extracting(PolicyDecision::id, PolicyDecision::outcome).containsExactly(d.id(), "INEFFECTIVE");

        server.setAttribute(NAME, new Attribute("Mode", "OFF"));
        assertThat(call("undoAll")).isEqualTo(0);
    }

    @Test
    void manualControlWorksThroughJmx() throws Exception {
        call("setThreshold", "cpu", 90.0);
        call("disableRule", "heap");
        call("pin", "workload:batch");
        call("pin", "process:1234");

        assertThat(thresholds()).containsEntry("cpu", 90.0);
        assertThat((String[]) get("Pins")).containsExactly("process:1234", "workload:batch");
        assertThat(PolicyMXBean.RULE_TABLE.fromTabularData((TabularData) get("Rules")))
                .filteredOn(r -> r.name().equals("heap")).singleElement().extracting(RuleRow::enabled).isEqualTo(false);

        cpu.set(99.0);
        call("evaluateNow");
        assertThat(batch.getParallelism()).isEqualTo(4);

        call("unpin", "workload:batch");
        call("enableRule", "heap");
        server.setAttribute(NAME, new Attribute("Mode", "ADVISORY"));
        assertThat(get("Mode")).isEqualTo("ADVISORY");
        assertThat((String[]) get("Pins")).containsExactly("process:1234");
    }

    @Test
    void badInputsAreRefusedWithTheValueAndWhatIsAccepted() throws Exception {
        assertThat(refusal("setThreshold", "nope", 50.0)).hasMessage("Unknown rule 'nope'; rules: cpu, heap");
        assertThat(refusal("setThreshold", "heap", Double.NaN)).hasMessage("Cannot set the threshold of rule 'heap': "
                + "threshold NaN is out of range for heap.afterGc.percent: expected a percentage from 0 to 100");
        assertThat(refusal("setThreshold", "cpu", -1.0)).hasMessageContaining("threshold -1.0 is out of range");
        assertThat(refusal("enableRule", "")).hasMessage("Unknown rule ''; rules: cpu, heap");
        assertThat(refusal("disableRule", (Object) null)).hasMessage("Unknown rule 'null'; rules: cpu, heap");
        assertThat(refusal("pin", "pid:12")).hasMessage("Unknown target 'pid:12': expected "
                + "workload:<name>, process:<pid>, simulator:stress or agent:sampling");
        assertThat(refusal("pin", (Object) null)).hasMessageStartingWith("Unknown target 'null'");
        assertThat(refusal("unpin", "simulator:stress"))
                .hasMessage("Target 'simulator:stress' is not pinned; pinned: none");
        assertThatThrownBy(() -> server.setAttribute(NAME, new Attribute("Mode", "TURBO")))
                .hasMessageContaining("TURBO");
        assertThat(thresholds()).isEqualTo(Map.of("cpu", 80.0, "heap", 85.0));
        assertThat(get("Mode")).isEqualTo("ENFORCE");
    }

    @Test
    void theMBeanDescribesItsNotificationAndTables() throws Exception {
        MBeanInfo info = server.getMBeanInfo(NAME);

        assertThat(info.getNotifications()).singleElement().satisfies(n -> {
            assertThat(n.getNotifTypes()).containsExactly(NotificationTypes.POLICY_DECISION);
            assertThat(n.getDescription()).contains("CompositeData");
        });
        assertThat(info.getDescription()).startsWith("Adaptive allocation policy");
        assertThat(List.of(info.getAttributes())).filteredOn(a -> a.getName().equals("RecentDecisions"))
                .singleElement().extracting(a -> a.getType()).isEqualTo(TabularData.class.getName());
    }

    private Object get(String attribute) throws Exception {
        return server.getAttribute(NAME, attribute);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Double> thresholds() throws Exception {
        Map<String, Double> out = new java.util.HashMap<>();
        for (Object row : ((TabularData) get("Thresholds")).values()) {
            CompositeData c = (CompositeData) row;
            out.put((String) c.get("key"), (Double) c.get("value"));
        }
        return out;
    }

    /** Invokes an operation as JConsole does; String and double parameters. */
    private Object call(String operation, Object... args) throws Exception {
        String[] signature = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            signature[i] = args[i] instanceof Double ? "double" : String.class.getName();
        }
        return server.invoke(NAME, operation, args, signature);
    }

    /** What a client sees when an operation is refused: the implementation's exception inside the JMX one. */
    private Throwable refusal(String operation, Object... args) {
        try {
            call(operation, args);
        } catch (RuntimeMBeanException e) {
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        throw new AssertionError(operation + " was not refused");
    }
}

package dev.memtrack.agent.policy;

import dev.memtrack.agent.policy.act.Actuator;
import dev.memtrack.agent.policy.act.ProcessNiceActuator;
import dev.memtrack.agent.policy.act.SamplingActuator;
import dev.memtrack.agent.policy.act.StressActuator;
import dev.memtrack.agent.policy.act.WorkloadActuator;
import dev.memtrack.agent.policy.engine.EngineView;
import dev.memtrack.agent.policy.engine.Evaluator;
import dev.memtrack.agent.policy.jmx.Policy;
import dev.memtrack.agent.policy.record.DecisionRecorder;
import dev.memtrack.agent.policy.record.Warnings;
import dev.memtrack.agent.policy.rules.Rule;
import dev.memtrack.agent.policy.rules.RulesFile;
import dev.memtrack.agent.policy.rules.RulesFileException;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import dev.memtrack.mbeans.RuleRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;

/**
 * The adaptive allocation policy, assembled and running: rules (from {@code policy.file} or built in),
 * the actuators (workload programs, OS processes, the stress generator, the agent's own sampling), the
 * decision recorder and a daemon thread that evaluates every {@code policy.interval}.
 *
 * <p>In the agent, {@code policy.wiring.PolicySubsystem} starts it, registers {@link #mbean()} as
 * {@link PolicyMXBean#OBJECT_NAME} with {@link #notificationInfo()}, and writes {@link #summary()} to the
 * JSON Lines log each interval.
 *
 * <p>A rules file that cannot be read or is invalid leaves the policy OFF (and unable to leave OFF)
 * with the reason passed to {@code warnOnce}; the rest of the agent is unaffected.
 *
 * <p>{@link #close()} stops evaluating (the mode becomes OFF) and restores what the engine may restore on its own: every
 * change except on pinned targets and except a stopped stress generator (restarting a stress load
 * as the agent leaves helps nobody). Thread-safe.
 */
public final class PolicyEngine implements AutoCloseable {

    private final Evaluator evaluator;
    private final DecisionRecorder recorder;
    private final Policy mbean;
    private final Warnings warnings;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PolicyEngine(Evaluator evaluator, DecisionRecorder recorder, Policy mbean, Warnings warnings,
                         ScheduledExecutorService scheduler) {
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.mbean = mbean;
        this.warnings = warnings;
        this.scheduler = scheduler;
    }

    /**
     * Starts the policy; a rules file that cannot be used leaves it OFF (see the class comment).
     *
     * @param settings    the {@code policy.*} settings
     * @param metrics     the latest metrics, built by the agent from its snapshots; called on the policy thread
     * @param server      where workload programs and memtrack's MBeans are registered
     * @param decisionLog receives every decision (when made and when measured) for the JSON Lines log
     * @param warnOnce    receives warnings, each kind once
     */
    public static PolicyEngine start(PolicySettings settings, Supplier<MetricsSnapshot> metrics, MBeanServer server,
                                     Consumer<PolicyDecision> decisionLog, Consumer<String> warnOnce) {
        return start(settings, metrics, decisionLog, new Warnings(warnOnce), PolicyClock.SYSTEM,
                defaultActuators(settings, server), true);
    }

    /**
     * Starts the policy with rules the caller loaded ({@link #rules(PolicySettings)}), so that a caller
     * with its own way of reporting an unusable rules file (the agent: the subsystem's state) never
     * starts an engine that cannot run.
     *
     * @param warnings receives warnings and notes, each kind once
     */
    public static PolicyEngine start(PolicySettings settings, List<Rule> rules, Supplier<MetricsSnapshot> metrics,
                                     MBeanServer server, Consumer<PolicyDecision> decisionLog, Warnings warnings) {
        return assemble(settings, rules, null, metrics, decisionLog, warnings, PolicyClock.SYSTEM,
                defaultActuators(settings, server), true);
    }

    /**
     * The rules of {@code policy.file}, or the built-in rules when it is not set.
     *
     * @throws RulesFileException if the file cannot be read or is invalid, with every problem
     */
    public static List<Rule> rules(PolicySettings settings) throws RulesFileException {
        return settings.rulesFile().isPresent() ? RulesFile.load(settings.rulesFile().get()) : RulesFile.builtIn();
    }

    /**
     * Starts the policy with a chosen clock and actuators; without {@code scheduled}, nothing evaluates
     * until {@link PolicyMXBean#evaluateNow()} is called (tests drive time that way).
     */
    static PolicyEngine start(PolicySettings settings, Supplier<MetricsSnapshot> metrics,
                              Consumer<PolicyDecision> decisionLog, Warnings warnings, PolicyClock clock,
                              List<Actuator> actuators, boolean scheduled) {
        List<Rule> rules = List.of();
        String disabled = null;
        try {
            rules = rules(settings);
        } catch (RulesFileException | RuntimeException e) {
            disabled = e.getMessage() + "\nThe policy stays OFF; fix " + PolicySettings.FILE_KEY + " and restart.";
            warnings.warn("policy.rules", disabled);
        }
        return assemble(settings, rules, disabled, metrics, decisionLog, warnings, clock, actuators, scheduled);
    }

    private static PolicyEngine assemble(PolicySettings settings, List<Rule> rules, String disabled,
                                         Supplier<MetricsSnapshot> metrics, Consumer<PolicyDecision> decisionLog,
                                         Warnings warnings, PolicyClock clock, List<Actuator> actuators,
                                         boolean scheduled) {
        DecisionRecorder recorder = new DecisionRecorder(settings.decisions(), decisionLog, warnings);
        Evaluator evaluator = new Evaluator(rules, settings.mode(), disabled, settings.seed(), metrics, clock,
                actuators, recorder, warnings);
        Policy mbean = new Policy(evaluator, recorder, settings.interval());
        ScheduledExecutorService scheduler = null;
        if (scheduled) {
            ClassLoader agentLoader = PolicyEngine.class.getClassLoader();
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "memtrack-policy");
                t.setDaemon(true);
                t.setContextClassLoader(agentLoader);
                return t;
            });
            long millis = settings.interval().toMillis();
            scheduler.scheduleWithFixedDelay(evaluator::evaluateSafely, millis, millis, TimeUnit.MILLISECONDS);
        }
        return new PolicyEngine(evaluator, recorder, mbean, warnings, scheduler);
    }

    /** Workload programs, the processes of {@code policy.processes}, the stress generator, the agent's sampling. */
    static List<Actuator> defaultActuators(PolicySettings settings, MBeanServer server) {
        return List.of(new WorkloadActuator(server), new ProcessNiceActuator(settings.processes()),
                new StressActuator(server), new SamplingActuator(server));
    }

    /** The {@code memtrack:type=Policy} implementation; also a {@link javax.management.NotificationEmitter}. */
    public PolicyMXBean mbean() {
        return mbean;
    }

    /** The notifications the MBean sends, for its registration. */
    public MBeanNotificationInfo[] notificationInfo() {
        return DecisionRecorder.notificationInfo();
    }

    /** The policy at a glance, for the JSON Lines log. */
    public PolicySummary summary() {
        EngineView v = evaluator.view();
        Map<String, String> states = new LinkedHashMap<>();
        for (RuleRow r : v.rules()) {
            states.put(r.name(), r.enabled() ? r.state() : "DISABLED");
        }
        List<PolicyDecision> recent = recorder.recent();
        return new PolicySummary(v.mode(), v.disabledReason(), states, v.changes(),
                recent.isEmpty() ? 0 : recent.get(0).id(), v.pins(), v.unavailable());
    }

    /**
     * Stops evaluating and restores every change the engine may restore on its own (see the class
     * comment); what stays is reported through {@code warnOnce}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            evaluator.setMode(PolicyMode.OFF);
            evaluator.restoreForShutdown();
            List<String> left = evaluator.view().changes();
            if (!left.isEmpty()) {
                warnings.warn("policy.close.left", "Policy stopped; left as they are: " + String.join("; ", left));
            }
        } catch (RuntimeException e) {
            warnings.warn("policy.close", "Policy could not restore its changes while stopping: " + e);
        } finally {
            recorder.close();
        }
    }
}

package dev.memtrack.agent.policy.wiring;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.Subsystem;
import dev.memtrack.agent.policy.PolicyEngine;
import dev.memtrack.agent.policy.PolicySettings;
import dev.memtrack.agent.policy.record.Warnings;
import dev.memtrack.agent.policy.rules.Rule;
import dev.memtrack.agent.policy.rules.RulesFileException;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import java.util.List;
import java.util.Set;
import javax.management.NotificationEmitter;

/**
 * {@code policy}: the adaptive allocation policy inside the agent. Reads the {@code policy.*} keys,
 * loads the rules, feeds the engine the metrics the collectors sampled ({@link SnapshotMetrics}),
 * serves {@code memtrack:type=Policy} with its decision notifications, and writes a {@code policy}
 * section to each JSON Lines log line plus a {@code policy.decision} event line per decision.
 *
 * <p>A bad {@code policy.*} value or an unusable rules file disables this subsystem only, with the
 * reason as its state; the engine is then never started. {@code policy=OFF} is not a reason to stay
 * off: the MBean is served and its Mode can be switched at run time.
 *
 * <p>Stopping unregisters the MBean first (no operation can race the shutdown), then closes the engine,
 * which gives back what it changed while the programs it changed are still there: it stops before the
 * application's own shutdown and before the subsystems listed ahead of it in the services file (the
 * allocation tracker, whose sampling it may have reduced).
 */
public final class PolicySubsystem implements Subsystem {

    /** Event name of a decision's line in the JSON Lines log. */
    public static final String DECISION_EVENT = "policy.decision";

    private AgentContext context;
    private PolicyEngine engine;

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.POLICY, ConfigKey.POLICY_INTERVAL, ConfigKey.POLICY_FILE, ConfigKey.POLICY_PROCESSES,
                ConfigKey.POLICY_SEED, ConfigKey.POLICY_DECISIONS, ConfigKey.INTERVAL);
    }

    @Override
    public void start(AgentContext context) throws Exception {
        this.context = context;
        PolicySettings settings = settings(context.config());
        List<Rule> rules;
        try {
            rules = PolicyEngine.rules(settings);
        } catch (RulesFileException e) {
            context.disable(e.getMessage());
            return;
        }
        Warnings messages = new Warnings(context.log()::warn, context.log()::info);
        engine = PolicyEngine.start(settings, rules, new SnapshotMetrics(context.snapshots(),
                        context.config().duration(ConfigKey.INTERVAL), System::currentTimeMillis),
                context.mbeans().server(), decision -> context.logEvent(DECISION_EVENT, decision), messages);
        context.mbeans().register(PolicyMXBean.OBJECT_NAME, engine.mbean(), PolicyMXBean.class,
                (NotificationEmitter) engine.mbean(), engine.notificationInfo());
        context.addLogSection("policy", engine::summary);
    }

    /** The policy's settings from the agent's configuration, whose keys have been validated already. */
    static PolicySettings settings(AgentConfig config) {
        return new PolicySettings(config.enumeration(ConfigKey.POLICY, PolicyMode.class),
                config.duration(ConfigKey.POLICY_INTERVAL), config.path(ConfigKey.POLICY_FILE),
                PolicySettings.parseProcesses(config.text(ConfigKey.POLICY_PROCESSES).orElse("")),
                config.longInteger(ConfigKey.POLICY_SEED), config.integer(ConfigKey.POLICY_DECISIONS));
    }

    @Override
    public void stop() {
        if (context != null) {
            context.mbeans().unregisterAll();
        }
        if (engine != null) {
            engine.close();
        }
    }
}

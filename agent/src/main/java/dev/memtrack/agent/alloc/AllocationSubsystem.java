package dev.memtrack.agent.alloc;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.InstrumentationFailures;
import dev.memtrack.agent.core.Subsystem;
import dev.memtrack.mbeans.AllocationMode;
import dev.memtrack.mbeans.AllocationsMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code allocation-tracking}: starts the {@link AllocationTracker} with the agent's Instrumentation
 * and the {@code alloc.*} keys, serves {@code memtrack:type=Allocations}, lists the classes it could
 * not instrument in the Agent MBean, and adds an {@code allocations} section to the JSON Lines log.
 * When the tracker stops itself after an internal error, this subsystem is disabled with that
 * reason, which restores the original code of every instrumented class.
 */
public final class AllocationSubsystem implements Subsystem {

    public static final String NAME = "allocation-tracking";
    /** How often the tracker's health is checked. */
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(1);

    private volatile AllocationTracker tracker;

    @Override
    public String name() {
        return NAME;
    }

    /** Before the collectors: classes loaded before the tracker runs must be retransformed later. */
    @Override
    public boolean startsEarly() {
        return true;
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.ALLOC, ConfigKey.ALLOC_INTERVAL, ConfigKey.ALLOC_INCLUDE, ConfigKey.ALLOC_EXCLUDE,
                ConfigKey.ALLOC_STACK_DEPTH, ConfigKey.ALLOC_MAX_SITES);
    }

    @Override
    public Optional<String> offByConfiguration(AgentConfig config) {
        return config.choice(ConfigKey.ALLOC).equals("disabled")
                ? Optional.of("alloc=disabled: nothing is instrumented") : Optional.empty();
    }

    @Override
    public void start(AgentContext context) {
        InstrumentationFailures failures = context.instrumentationFailures();
        AllocationTracker started = AllocationTracker.start(context.instrumentation(), settings(context.config()),
                context.log()::warn, f -> failures.record(f.className(), f.classLoader(), f.reason()));
        tracker = started;
        try {
            context.mbeans().register(AllocationsMXBean.OBJECT_NAME, started.mbean(), AllocationsMXBean.class);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot register " + AllocationsMXBean.OBJECT_NAME + ": " + e, e);
        }
        context.addLogSection("allocations", started::summary);
        context.scheduleEvery(HEALTH_CHECK, () -> {
            String problem = started.problem();
            if (!problem.isEmpty()) {
                context.disable(problem);
            }
        });
    }

    /** The tracker's settings from the {@code alloc.*} keys (already parsed and range-checked by the config). */
    static AllocationSettings settings(AgentConfig config) {
        return new AllocationSettings(
                AllocationMode.valueOf(config.choice(ConfigKey.ALLOC).toUpperCase(Locale.ROOT)),
                config.size(ConfigKey.ALLOC_INTERVAL),
                config.patterns(ConfigKey.ALLOC_INCLUDE),
                config.patterns(ConfigKey.ALLOC_EXCLUDE),
                config.integer(ConfigKey.ALLOC_STACK_DEPTH),
                config.integer(ConfigKey.ALLOC_MAX_SITES));
    }

    @Override
    public void stop() {
        AllocationTracker running = tracker;
        tracker = null;
        if (running != null) {
            running.close();
        }
    }
}

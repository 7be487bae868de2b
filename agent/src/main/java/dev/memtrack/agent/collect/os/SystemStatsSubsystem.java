package dev.memtrack.agent.collect.os;

import dev.memtrack.agent.collect.StatsPublisher;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.Subsystem;
import dev.memtrack.agent.jmx.SystemBean;
import dev.memtrack.mbeans.SystemMXBean;
import java.util.Set;

/** {@code system-stats}: samples the machine every interval and serves {@code memtrack:type=System}. */
public final class SystemStatsSubsystem implements Subsystem {

    private AgentContext context;

    @Override
    public String name() {
        return "system-stats";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.INTERVAL, ConfigKey.OSHI_PROVIDER);
    }

    @Override
    public void start(AgentContext context) throws Exception {
        this.context = context;
        SystemCollector collector =
                new SystemCollector(OshiProvider.create(context.config().choice(ConfigKey.OSHI_PROVIDER)));
        new StatsPublisher<>(SystemStats.class, collector::sample, SystemStats::first, SystemStats::between)
                .start(context);
        context.mbeans().register(SystemMXBean.OBJECT_NAME,
                new SystemBean(StatsPublisher.latest(context, SystemStats.class)), SystemMXBean.class);
        context.addLogSection("system", () -> context.snapshots().latest(SystemStats.class).orElse(null));
    }

    @Override
    public void stop() {
        if (context != null) {
            context.snapshots().remove(SystemStats.class);
        }
    }
}

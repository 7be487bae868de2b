package dev.memtrack.agent.collect.os;

import dev.memtrack.agent.collect.StatsPublisher;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.Subsystem;
import dev.memtrack.agent.jmx.ProcessesBean;
import dev.memtrack.mbeans.ProcessesMXBean;
import java.util.Set;

/** {@code processes}: samples the process table every interval and serves {@code memtrack:type=Processes}. */
public final class ProcessesSubsystem implements Subsystem {

    private AgentContext context;

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.INTERVAL, ConfigKey.OSHI_PROVIDER, ConfigKey.PROCESSES_TOP);
    }

    @Override
    public void start(AgentContext context) throws Exception {
        this.context = context;
        ProcessCollector collector =
                new ProcessCollector(OshiProvider.create(context.config().choice(ConfigKey.OSHI_PROVIDER)));
        new StatsPublisher<>(ProcessStats.class, collector::sample, ProcessStats::first, ProcessStats::between)
                .start(context);
        context.mbeans().register(ProcessesMXBean.OBJECT_NAME,
                new ProcessesBean(StatsPublisher.latest(context, ProcessStats.class),
                        context.config().integer(ConfigKey.PROCESSES_TOP)),
                ProcessesMXBean.class);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.snapshots().remove(ProcessStats.class);
        }
    }
}

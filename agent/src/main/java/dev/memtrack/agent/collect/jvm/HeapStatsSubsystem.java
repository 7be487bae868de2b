package dev.memtrack.agent.collect.jvm;

import dev.memtrack.agent.collect.StatsPublisher;
import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.Subsystem;
import dev.memtrack.agent.jmx.HeapBean;
import dev.memtrack.mbeans.HeapMXBean;
import java.util.Set;

/**
 * {@code heap-stats}: samples heap, pools and collectors every interval, records GC pauses from GC
 * notifications, and serves {@code memtrack:type=Heap}.
 */
public final class HeapStatsSubsystem implements Subsystem {

    private AgentContext context;
    private GcPauseRecorder pauses;

    @Override
    public String name() {
        return "heap-stats";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.INTERVAL);
    }

    @Override
    public void start(AgentContext context) throws Exception {
        this.context = context;
        pauses = new GcPauseRecorder(context::guarded);
        pauses.start();
        HeapCollector collector = new HeapCollector(pauses);
        new StatsPublisher<>(HeapStats.class, collector::sample, HeapStats::first, HeapStats::between)
                .start(context);
        context.mbeans().register(HeapMXBean.OBJECT_NAME,
                new HeapBean(StatsPublisher.latest(context, HeapStats.class)), HeapMXBean.class);
        context.addLogSection("heap", () -> context.snapshots().latest(HeapStats.class).orElse(null));
    }

    @Override
    public void stop() {
        if (pauses != null) {
            pauses.stop();
        }
        if (context != null) {
            context.snapshots().remove(HeapStats.class);
        }
    }
}

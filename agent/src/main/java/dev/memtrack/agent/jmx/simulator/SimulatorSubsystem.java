package dev.memtrack.agent.jmx.simulator;

import dev.memtrack.agent.config.ConfigKey;
import dev.memtrack.agent.core.AgentContext;
import dev.memtrack.agent.core.AgentThreads;
import dev.memtrack.agent.core.Subsystem;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import dev.memtrack.simulator.stress.MemoryStressGenerator;
import java.time.Duration;
import java.util.Set;
import javax.management.NotificationBroadcasterSupport;

/**
 * {@code simulator}: serves the simulator library as {@code memtrack:type=Simulator,name=Paging},
 * {@code name=Segmentation} and {@code name=Stress}. The stress generator is capped at
 * {@code stress.capPercent} of the maximum heap, runs on a {@code memtrack-stress-N} daemon thread, and
 * is stopped, releasing its memory, when this subsystem stops.
 */
public final class SimulatorSubsystem implements Subsystem {

    /** How often a stress run is checked for reaching its target or stopping by itself. */
    static final Duration STRESS_WATCH_PERIOD = Duration.ofMillis(100);

    private volatile MemoryStressGenerator generator;

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public Set<ConfigKey> configKeys() {
        return Set.of(ConfigKey.STRESS_CAP_PERCENT);
    }

    @Override
    public void start(AgentContext context) throws Exception {
        context.mbeans().register(PagingSimulatorMXBean.OBJECT_NAME, new PagingSimulatorBean(),
                PagingSimulatorMXBean.class);
        context.mbeans().register(SegmentationSimulatorMXBean.OBJECT_NAME, new SegmentationSimulatorBean(),
                SegmentationSimulatorMXBean.class);

        int capPercent = context.config().integer(ConfigKey.STRESS_CAP_PERCENT);
        MemoryStressGenerator stress = new MemoryStressGenerator(capBytes(Runtime.getRuntime().maxMemory(), capPercent),
                AgentThreads.factory("memtrack-stress"));
        generator = stress;
        NotificationBroadcasterSupport emitter = context.mbeans().newEmitter(StressSimulatorBean.NOTIFICATIONS);
        StressSimulatorBean bean = new StressSimulatorBean(stress, capPercent, emitter);
        context.mbeans().register(StressSimulatorMXBean.OBJECT_NAME, bean, StressSimulatorMXBean.class, emitter,
                StressSimulatorBean.NOTIFICATIONS);
        context.scheduleEvery(STRESS_WATCH_PERIOD, bean::watch);
    }

    /** {@code percent} of {@code maxHeapBytes}, without overflow when the heap is unbounded (Long.MAX_VALUE). */
    static long capBytes(long maxHeapBytes, int percent) {
        long cap = maxHeapBytes > Long.MAX_VALUE / 100 ? maxHeapBytes / 100 * percent : maxHeapBytes * percent / 100;
        return Math.max(1, cap);
    }

    @Override
    public void stop() {
        MemoryStressGenerator stress = generator;
        if (stress != null) {
            stress.stop();
        }
    }
}

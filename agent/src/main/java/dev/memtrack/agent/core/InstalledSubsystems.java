package dev.memtrack.agent.core;

import dev.memtrack.agent.collect.jvm.HeapStatsSubsystem;
import dev.memtrack.agent.collect.os.ProcessesSubsystem;
import dev.memtrack.agent.collect.os.SystemStatsSubsystem;
import dev.memtrack.agent.jolokia.JolokiaSubsystem;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.log.JsonLogSubsystem;
import dev.memtrack.agent.log.LogEvents;
import dev.memtrack.agent.log.LogSections;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The subsystems of this agent, in start order:
 * <ol>
 *   <li>plugins that {@linkplain Subsystem#startsEarly() start early} (allocation tracking);</li>
 *   <li>the built-in collectors: {@code heap-stats}, {@code system-stats}, {@code processes};</li>
 *   <li>the other plugins listed in {@code META-INF/services/dev.memtrack.agent.core.Subsystem}, in the
 *       order of that file (simulator MBeans, policy);</li>
 *   <li>{@code json-log}, which writes what the others sampled;</li>
 *   <li>{@code jolokia}, last, so that everything is registered when the endpoint opens.</li>
 * </ol>
 */
final class InstalledSubsystems {

    private InstalledSubsystems() {
    }

    static List<Subsystem> create(AgentInfo info, LogSections logSections, LogEvents logEvents, AgentLog log) {
        List<Subsystem> plugins = plugins(log);
        List<Subsystem> subsystems = new ArrayList<>();
        for (Subsystem plugin : plugins) {
            if (startsEarly(plugin, log)) {
                subsystems.add(plugin);
            }
        }
        subsystems.add(new HeapStatsSubsystem());
        subsystems.add(new SystemStatsSubsystem());
        subsystems.add(new ProcessesSubsystem());
        for (Subsystem plugin : plugins) {
            if (!subsystems.contains(plugin)) {
                subsystems.add(plugin);
            }
        }
        subsystems.add(new JsonLogSubsystem(logSections, logEvents));
        subsystems.add(new JolokiaSubsystem(info));
        return subsystems;
    }

    private static boolean startsEarly(Subsystem plugin, AgentLog log) {
        try {
            return plugin.startsEarly();
        } catch (RuntimeException | LinkageError e) {
            log.warn("subsystem " + plugin.getClass().getName() + " could not say when it starts; it starts late: "
                    + AgentLog.describe(e));
            return false;
        }
    }

    private static List<Subsystem> plugins(AgentLog log) {
        List<Subsystem> plugins = new ArrayList<>();
        Iterator<Subsystem> it = ServiceLoader.load(Subsystem.class, Subsystem.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugins.add(it.next());
            } catch (ServiceConfigurationError e) {
                log.warn("a subsystem plugin could not be loaded and is skipped: " + AgentLog.describe(e));
            }
        }
        return plugins;
    }
}

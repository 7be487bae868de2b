package dev.memtrack.agent.core;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigKey;
import java.util.Optional;
import java.util.Set;

/**
 * One part of the agent that can fail on its own: a collector with its MBean, the JSON Lines log,
 * Jolokia, the simulator MBeans, and later allocation tracking and the policy engine.
 *
 * <p>The agent starts subsystems one after the other on its start-up thread and stops them in
 * reverse order. A subsystem that throws from {@link #start}, or whose interval task or guarded
 * callback throws later, is disabled: the failure is logged once with its reason, shown in the
 * Agent MBean and sent as a {@code memtrack.agent.subsystem} notification; the application and the
 * other subsystems keep running.
 *
 * <p>Plugging one in: implement this interface (public, no-argument constructor) and list the class
 * in {@code META-INF/services/dev.memtrack.agent.core.Subsystem}; plugins start after the built-in
 * collectors (or before them, if they {@linkplain #startsEarly() start early}) and before the JSON
 * Lines log and Jolokia, in the order of that file.
 */
public interface Subsystem {

    /** Short, stable, lower-case name shown in the Agent MBean, e.g. {@code system-stats}. */
    String name();

    /** Keys this subsystem reads; if any of them has an invalid value, the subsystem stays off. */
    default Set<ConfigKey> configKeys() {
        return Set.of();
    }

    /**
     * Whether this plugin starts before the built-in collectors instead of after them: for a subsystem
     * that loses something for every moment it starts later. Allocation tracking does: each class
     * the application loads before it starts must be retransformed instead of instrumented as it
     * loads, and its allocations until then are not attributed.
     */
    default boolean startsEarly() {
        return false;
    }

    /** Why the configuration turns this subsystem off (e.g. {@code jolokia=false}); empty to start it. */
    default Optional<String> offByConfiguration(AgentConfig config) {
        return Optional.empty();
    }

    /**
     * Starts the subsystem. Everything registered through {@code context} (MBeans, interval tasks,
     * log sections) is undone by the agent after {@link #stop()}.
     *
     * @throws Exception any failure; the subsystem is then disabled with the exception as reason
     */
    void start(AgentContext context) throws Exception;

    /**
     * Releases what {@link #start} acquired outside the context (threads, sockets, files). Called once:
     * when the agent stops, or when the subsystem is disabled, which may happen halfway through
     * {@link #start}; so it must cope with a partial start.
     */
    void stop();
}

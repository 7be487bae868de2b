package dev.memtrack.agent.core;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the agent gives one {@link Subsystem}. Each subsystem gets its own context; what it registers
 * through it is owned by that subsystem and undone when the subsystem stops or is disabled.
 *
 * <p>Thread-safe.
 */
public interface AgentContext {

    /** The subsystem this context belongs to. */
    String owner();

    AgentConfig config();

    /** The JVM's instrumentation (premain or agentmain); never {@code null} in a real agent. */
    Instrumentation instrumentation();

    /** The agent jar; empty when the agent runs from a class directory (unit tests). */
    Optional<Path> agentJar();

    AgentLog log();

    /** Latest snapshots of every collector; publish yours here. */
    SnapshotStore snapshots();

    /** Registers MBeans in the platform MBeanServer; they are unregistered when this subsystem stops. */
    MBeanRegistrar mbeans();

    /**
     * Runs {@code task} on the sampler thread every interval, after the tasks of subsystems started
     * earlier. If it throws, this subsystem is disabled.
     */
    void everyInterval(Runnable task);

    /**
     * Runs {@code task} every {@code period} (first run after one period) on the agent's shared
     * scheduler thread {@code memtrack-scheduler}, for periodic work that is not sampling (it never
     * delays the sampler). Cancelled when this subsystem stops; if it throws, this subsystem is disabled.
     */
    void scheduleEvery(Duration period, Runnable task);

    /**
     * Adds a section to each line of the JSON Lines log: {@code "name": <value>}, where the value is
     * a record, map, list, string, number or boolean (see {@code JsonWriter}). The supplier runs on
     * the sampler thread and must not block.
     */
    void addLogSection(String name, Supplier<?> section);

    /**
     * Writes an event to the JSON Lines log as a line of its own,
     * {@code {"time":...,"epochMillis":...,"event":"<name>","data":<data>}}, before the next interval's
     * line; {@code data} is a record, map, list, string, number or boolean. Never blocks; does nothing
     * when no log is written.
     */
    void logEvent(String name, Object data);

    /** Where the allocation tracker reports classes it could not instrument (Agent MBean). */
    InstrumentationFailures instrumentationFailures();

    /** Wraps a callback that runs on a foreign thread (e.g. JMX notifications): if it throws, this subsystem is disabled. */
    Runnable guarded(Runnable callback);

    /** Disables this subsystem with a reason (logged once, shown in the Agent MBean). */
    void disable(String reason);
}

package dev.memtrack.agent.core;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.log.AgentLog;
import dev.memtrack.agent.log.LogEvents;
import dev.memtrack.agent.log.LogSections;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.management.MBeanServer;

/** What all subsystems share; each sees it through its own {@link AgentContext}. */
record AgentServices(AgentConfig config, Instrumentation instrumentation, Optional<Path> agentJar, AgentLog log,
                     SnapshotStore snapshots, Sampler sampler, LogSections logSections, LogEvents logEvents,
                     InstrumentationFailures instrumentationFailures, MBeanServer mbeanServer,
                     Executor notificationExecutor, ScheduledExecutorService scheduler) {
}

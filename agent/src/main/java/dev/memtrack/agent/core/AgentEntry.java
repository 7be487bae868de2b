package dev.memtrack.agent.core;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigProblem;
import dev.memtrack.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the launcher hands over, by reflection, inside the agent's class loader. Runs on the thread
 * that called premain/agentmain and does only cheap work there: read the configuration, claim the
 * JVM, then start the agent on the daemon thread {@code memtrack-start}.
 *
 * <p>Anonymous classes rather than lambdas on this path: the first lambda of a JVM costs tens of
 * milliseconds of {@code java.lang.invoke} bootstrap that the application would wait for.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    /**
     * Starts memtrack in this JVM unless it already runs here or {@code failFast=true} finds problems
     * in the configuration; never throws.
     *
     * @param agentArguments the {@code k=v,k=v} string, may be {@code null}
     * @param startMode      {@code premain} or {@code attach}
     * @param agentJar       the agent jar (or class directory in tests)
     */
    public static void start(String agentArguments, Instrumentation instrumentation, String startMode,
                             Path agentJar) {
        AgentLog log = AgentLog.toStandardError();
        try {
            AgentConfig config = AgentConfig.fromJvm(agentArguments);
            if (config.failFast() && config.hasProblemsOrWarnings()) {
                refuse(config, log);
                return;
            }
            String instance = startMode + " at " + Instant.ofEpochMilli(System.currentTimeMillis());
            String running = TargetProperties.claim(instance);
            if (running != null) {
                log.info("already running in this JVM (started by " + running + "); this " + startMode
                        + " is ignored");
                return;
            }
            System.clearProperty(TargetProperties.REFUSED);
            final Agent agent = new Agent(config, instrumentation, agentJar, log, startMode, System.currentTimeMillis());
            Runtime.getRuntime().addShutdownHook(AgentThreads.newThread("memtrack-shutdown", new Runnable() {
                @Override
                public void run() {
                    agent.stop();
                }
            }));
            AgentThreads.newThread("memtrack-start", new Runnable() {
                @Override
                public void run() {
                    agent.start();
                }
            }).start();
        } catch (Throwable t) {
            log.warn("not started: " + AgentLog.describe(t));
        }
    }

    private static void refuse(AgentConfig config, AgentLog log) {
        int count = config.problems().size() + config.warnings().size();
        for (String warning : config.warnings()) {
            log.warn(warning);
        }
        for (ConfigProblem problem : config.problems()) {
            log.warn(problem.message());
        }
        String reason = "not started (failFast=true): " + count + " configuration problem" + (count == 1 ? "" : "s")
                + " above; the application runs without memtrack";
        log.info(reason);
        System.setProperty(TargetProperties.REFUSED, reason);
        TargetProperties.state("refused");
    }
}

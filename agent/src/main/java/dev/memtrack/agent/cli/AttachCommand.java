package dev.memtrack.agent.cli;

import dev.memtrack.agent.config.AgentConfig;
import dev.memtrack.agent.config.ConfigProblem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code attach <pid> [k=v,...]}: loads the agent jar into a running JVM unless memtrack already runs there. */
final class AttachCommand {

    private static final long READY_TIMEOUT_MILLIS = 30_000;

    private final Path agentJar;
    private final PrintStream out;
    private final PrintStream err;

    AttachCommand(Path agentJar, PrintStream out, PrintStream err) {
        this.agentJar = agentJar;
        this.out = out;
        this.err = err;
    }

    int run(long pid, String options) throws CliException {
        checkOptions(options);
        try (TargetJvm target = TargetJvm.attach(pid)) {
            AgentPresence before = AgentPresence.of(target.systemProperties());
            if (before.loaded()) {
                out.println("memtrack is already running in " + pid + ": " + before.describe());
                return 0;
            }
            String javaVersion = target.systemProperties().getProperty("java.specification.version", "");
            if (featureVersion(javaVersion) >= 21) {
                err.println("memtrack: note: JDK " + javaVersion + " prints a warning for dynamically loaded agents; "
                        + "start the application with -XX:+EnableDynamicAgentLoading to allow it silently");
            }
            target.loadAgent(agentJar, options);
            return awaitReady(target);
        }
    }

    /** Reports bad options here too: the agent's own messages go to the target's stderr, not ours. */
    private void checkOptions(String options) throws CliException {
        AgentConfig config = AgentConfig.parse(options, Map.of(), Map.of());
        config.warnings().forEach(w -> err.println("memtrack: warning: " + w));
        for (ConfigProblem p : config.problems()) {
            err.println("memtrack: warning: " + p.message());
        }
        if (config.failFast() && config.hasProblemsOrWarnings()) {
            throw new CliException("not attaching (failFast=true): fix the options above", 1);
        }
    }

    private int awaitReady(TargetJvm target) throws CliException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (true) {
            AgentPresence now = AgentPresence.of(target.systemProperties());
            if (now.state().filter("refused"::equals).isPresent()) {
                throw new CliException("memtrack refused to start in " + target.pid() + ": "
                        + now.refusal().orElse("see the application's stderr"), 1);
            }
            if (now.ready()) {
                out.println("memtrack " + now.version().orElse("?") + " running in " + target.pid() + ": jolokia "
                        + now.jolokia() + ", mbeans memtrack:*");
                return 0;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new CliException("memtrack was loaded into " + target.pid() + " but did not report ready within "
                        + READY_TIMEOUT_MILLIS / 1000 + " s (state: " + now.state().orElse("unknown")
                        + "); see the application's stderr", 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted while waiting for memtrack in " + target.pid(), 1);
            }
        }
    }

    static int featureVersion(String specificationVersion) {
        try {
            return Integer.parseInt(specificationVersion.startsWith("1.")
                    ? specificationVersion.substring(2) : specificationVersion);
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }
}

package dev.memtrack.agent.cli;

import java.io.PrintStream;

/** {@code status <pid>}: what memtrack does in one JVM. */
final class StatusCommand {

    private StatusCommand() {
    }

    static int run(long pid, PrintStream out) throws CliException {
        try (TargetJvm target = TargetJvm.attach(pid)) {
            AgentPresence presence = AgentPresence.of(target.systemProperties());
            if (presence.loaded()) {
                out.println(pid + ": " + presence.describe());
                return 0;
            }
            out.println(pid + ": memtrack not loaded" + presence.refusal().map(r -> " (" + r + ")").orElse(""));
            return 1;
        }
    }
}

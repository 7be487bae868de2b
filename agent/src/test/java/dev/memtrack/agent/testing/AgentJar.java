package dev.memtrack.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The built agent jar: {@code -Dmemtrack.it.agentJar}, by default {@code target/memtrack-agent.jar}. */
public final class AgentJar {

    private AgentJar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("memtrack.it.agentJar", "target/memtrack-agent.jar")).toAbsolutePath();
        assertThat(jar).as("the agent jar (built by mvn package)").isRegularFile();
        return jar;
    }

    /** {@code -javaagent:<jar>=<options>} ({@code options} may be empty). */
    public static String javaagentOption(String options) {
        return "-javaagent:" + path() + (options == null || options.isEmpty() ? "" : "=" + options);
    }
}

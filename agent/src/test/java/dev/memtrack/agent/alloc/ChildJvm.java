package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the tests in a fresh JVM of the same JDK with the test class path; returns its output. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Output (stdout and stderr) of {@code mainClass} run with {@code jvmOptions}; fails the test if it does not exit 0 within a minute. */
    public static String run(Class<?> mainClass, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-XX:+EnableDynamicAgentLoading", "-Djdk.attach.allowAttachSelf=true",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", mainClass.getSimpleName()).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}

package dev.memtrack.agent.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tracker says nothing on the application's console: no deprecation warnings from the
 * libraries it uses (Byte Buddy reaches for sun.misc.Unsafe unless told otherwise, which JDK 24+
 * reports). The one line the JVM itself prints when the bootstrap class path is appended while
 * class data sharing is on is the only output besides the workload's.
 */
class ConsoleTest {

    @Test
    void startsQuietlyInAFreshJvm() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+EnableDynamicAgentLoading", "-Djdk.attach.allowAttachSelf=true",
                "-cp", System.getProperty("java.class.path"), StartInFreshJvm.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines()
                .filter(l -> !l.contains("Sharing is only supported for boot loader classes"))
                .toList();
        assertThat(lines).as(out).singleElement().asString().matches("tracked \\d+");
    }
}

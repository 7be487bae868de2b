package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.FreePort;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.IsolationApp;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.SystemMXBean;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application with its own Jolokia 2.4, JNA 5.14 and slf4j 1.7 (+ slf4j-simple) works, and so does
 * memtrack (Jolokia 2.6, JNA 5.19 through OSHI, slf4j 2 no-op) in the same JVM; neither sees the other's
 * classes.
 */
class IsolationIT {

    private static Path[] applicationLibraries() throws IOException {
        Path libs = Path.of(System.getProperty("memtrack.it.libs", "target/it-libs"));
        try (Stream<Path> jars = Files.list(libs)) {
            Path[] all = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toArray(Path[]::new);
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith("jolokia-agent-jvm-2.4"))
                    .anyMatch(n -> n.equals("jna-5.14.0.jar"))
                    .anyMatch(n -> n.equals("slf4j-api-1.7.36.jar"))
                    .anyMatch(n -> n.equals("slf4j-simple-1.7.36.jar"));
            return all;
        }
    }

    @Test
    void applicationLibrariesAndMemtrackWorkSideBySide() throws Exception {
        int ownPort = FreePort.find();
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,oshi.provider=jna").classpath(applicationLibraries())
                .main(IsolationApp.class, Integer.toString(ownPort)).start()) {
            String ownJolokia = app.awaitStdout("isolation-app own-jolokia=");
            ChildJvm.Ready ready = app.awaitReady();

            assertThat(app.stdout()).doesNotContain("VISIBLE")
                    .contains("isolation-app hidden dev.memtrack.agent.core.Agent", "isolation-app hidden oshi.SystemInfo",
                            "isolation-app hidden net.bytebuddy.ByteBuddy", "isolation-app hidden org.HdrHistogram.Histogram")
                    .contains("isolation-app jna getpid=" + app.pid() + " from ")
                    .containsPattern("jna getpid=\\d+ from \\S+jna-5\\.14\\.0\\.jar")
                    .containsPattern("slf4j factory=org\\.slf4j\\.impl\\.SimpleLoggerFactory from \\S+slf4j-api-1\\.7\\.36\\.jar");
            assertThat(app.stderr()).contains("INFO isolation-app - slf4j logs through the application's binding");
            assertThat(ownJolokia).containsPattern("from \\S+jolokia-agent-jvm-2\\.4\\.\\d+-javaagent\\.jar");

            JolokiaClient memtrack = new JolokiaClient(ready.jolokiaUri());
            JolokiaClient own = new JolokiaClient(URI.create("http://127.0.0.1:" + ownPort + "/jolokia/"));
            assertThat(agentVersion(memtrack)).isEqualTo("2.6.0");
            assertThat(agentVersion(own)).startsWith("2.4.");
            // memtrack's OSHI, told to use its own JNA, works next to the application's JNA.
            assertThat(((Number) memtrack.read(SystemMXBean.OBJECT_NAME, "MemoryTotalBytes").value()).longValue())
                    .isPositive();
            assertThat(memtrack.read(SystemMXBean.OBJECT_NAME, "ProcessCount").status()).isEqualTo(200);
            // Both endpoints serve the same platform MBeanServer.
            assertThat(own.read(HeapMXBean.OBJECT_NAME, "HeapUsedBytes").status()).isEqualTo(200);
            assertThat(app.memtrackLines()).noneMatch(l -> l.contains("warning"));
            assertThat(app.isAlive()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static String agentVersion(JolokiaClient client) {
        JolokiaClient.Response version = client.version();
        assertThat(version.status()).as(version.body()).isEqualTo(200);
        return (String) ((Map<String, Object>) version.value()).get("agent");
    }
}

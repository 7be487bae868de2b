package dev.memtrack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.MemtrackDomain;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run with {@code java -jar} as a user would. */
class SimulatorJarIT {

    private static final Path JAR = Paths.get(System.getProperty("basedir", "."), "target", "memtrack-simulator.jar");

    @TempDir
    Path work;

    private record Run(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        int awaitExit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not exit within " + seconds + " s");
            }
            return process.exitValue();
        }
    }

    private Run start(List<String> jvmOptions, String... args) throws IOException {
        assertThat(JAR).as("the shaded jar (built by the package phase)").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Run(process, out, err);
    }

    @Test
    void pagingPrintsJson() throws Exception {
        Run run = start(List.of(), "paging", "--algorithm", "LRU", "--frames", "3", "--refs", "7,0,1,2,0", "--json");

        assertThat(run.awaitExit(60)).isZero();
        assertThat(run.stdout().trim()).startsWith("{\"algorithm\":\"LRU\",\"frames\":3,")
                .contains("\"references\":5,\"faults\":4,\"hits\":1");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aBadArgumentExitsWithTwoAndOneLine() throws Exception {
        Run run = start(List.of(), "paging", "--algorithm", "LRU", "--frames", "0", "--refs", "1");

        assertThat(run.awaitExit(60)).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("error: bad value for --frames: '0' (accepted: an integer 1 to 4096)"
                + System.lineSeparator());
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void demoExposesGovernableWorkloadsOverJmx() throws Exception {
        int port = freePort();
        Run run = start(List.of("-Xmx512m",
                "-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1"),
                "demo", "--seconds", "15");
        try (JMXConnector connector = connect(port, run.process())) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName pattern = new ObjectName(MemtrackDomain.WORKLOAD_PATTERN);
            Await.until(() -> server.queryNames(pattern, null).size() == 4);
            Set<ObjectName> names = server.queryNames(pattern, null);
            assertThat(names).contains(MemtrackDomain.workload("request-handler"), MemtrackDomain.workload("batch-job"),
                    MemtrackDomain.workload("cache-filler"), MemtrackDomain.workload("stress-phase"));

            ObjectName batch = MemtrackDomain.workload("batch-job");
            server.setAttribute(batch, new Attribute("Parallelism", 1));
            assertThat(server.getAttribute(batch, "Parallelism")).isEqualTo(1);
            assertThat(server.getAttribute(batch, "MaxParallelism")).isEqualTo(4);

            ObjectName handler = MemtrackDomain.workload("request-handler");
            Await.until(() -> (Long) server.getAttribute(handler, "CompletedTasks") > 0);
            Await.until(() -> (Long) server.getAttribute(handler, "AllocatedBytes") > 0);
            assertThat(server.getAttribute(handler, "Priority")).isEqualTo("CRITICAL");
        }
        assertThat(run.awaitExit(60)).isZero();
        assertThat(run.stdout()).contains("request-handler", "batch-job", "cache-filler", "stress-phase")
                .contains("| batch-job 1/4").contains("demo stopped");
    }

    private static JMXConnector connect(int port, Process demo) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return JMXConnectorFactory.connect(url);
            } catch (IOException notYet) {
                if (!demo.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("could not attach to the demo over JMX on port " + port, notYet);
                }
                Thread.sleep(200);
            }
        }
    }



    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.JolokiaNotifications;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.jolokia.json.parser.JSONParser;
import org.junit.jupiter.api.Test;

/** The JSON Lines log: parseable lines, rotation, and a write failure that disables only the log. */
class JsonLogIT {

    @Test
    void writesParseableLinesRotatesAndSurvivesAFailureOfItsOwn() throws Exception {
        Path dir = ChildJvm.workDir().resolve("jsonlog-" + System.nanoTime());
        Path log = dir.resolve("memtrack.jsonl");
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=100ms,log=" + log + ",log.maxBytes=8KiB,"
                + "log.maxFiles=2").main(WorkloadApp.class, "allocate").start()) {
            ChildJvm.Ready ready = app.awaitReady();
            awaitFile(dir.resolve("memtrack.jsonl.2"), app);

            assertThat(dir.resolve("memtrack.jsonl.3")).doesNotExist();
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Path file : List.of(dir.resolve("memtrack.jsonl.2"), dir.resolve("memtrack.jsonl.1"))) {
                assertThat(Files.size(file)).isLessThanOrEqualTo(8 * 1024);
                for (String line : Files.readAllLines(file)) {
                    lines.add(parse(line));
                }
            }
            // Event lines (policy decisions) have an "event" member; the others are interval lines.
            assertThat(lines).filteredOn(line -> !line.containsKey("event")).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(line -> {
                assertThat(line).containsKeys("time", "epochMillis", "system", "heap");
                assertThat(((Number) asMap(line.get("system")).get("memoryTotalBytes")).longValue()).isPositive();
                assertThat(((Number) asMap(line.get("heap")).get("heapUsedBytes")).longValue()).isPositive();
            });
            assertThat(lines).extracting(l -> ((Number) l.get("epochMillis")).longValue()).isSorted();

            // Break rotation: the oldest file becomes a non-empty directory that cannot be replaced.
            try (Jmx jmx = Jmx.connect(app.pid())) {
                BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
                ObjectName agent = new ObjectName(AgentMXBean.OBJECT_NAME);
                jmx.server().addNotificationListener(agent, (n, handback) -> received.add(n), null, null);
                JolokiaClient jolokia = new JolokiaClient(ready.jolokiaUri());
                JolokiaNotifications pull = JolokiaNotifications.subscribe(jolokia, AgentMXBean.OBJECT_NAME);

                sabotage(dir.resolve("memtrack.jsonl.2"));

                SubsystemStatus disabled = awaitDisabled(received);
                assertThat(disabled.name()).isEqualTo("json-log");
                assertThat(disabled.reason()).startsWith("failed while sampling: UncheckedIOException: cannot write "
                        + "JSON Lines log '" + log + "': DirectoryNotEmptyException");
                app.awaitStderr("[memtrack] warning: json-log disabled: failed while sampling");
                assertThat(pull.awaitSome()).anySatisfy(n -> {
                    assertThat(n.get("type")).isEqualTo(NotificationTypes.SUBSYSTEM_STATE);
                    assertThat(String.valueOf(n.get("message"))).startsWith("json-log is DISABLED");
                });
                List<SubsystemStatus> states = AgentMXBean.SUBSYSTEM_TABLE.fromTabularData(
                        (TabularData) jmx.server().getAttribute(agent, "Subsystems"));
                assertThat(states).filteredOn(s -> !s.name().equals("json-log"))
                        .allSatisfy(s -> assertThat(s.state()).isEqualTo(SubsystemState.RUNNING));
                assertThat(app.isAlive()).isTrue();
            }
        }
    }

    private static void sabotage(Path oldest) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                Files.deleteIfExists(oldest);
                Files.createDirectory(oldest);
                Files.writeString(oldest.resolve("keep"), "x");
                return;
            } catch (IOException rotatedMeanwhile) {
                // The writer rotated between our delete and create: try again.
            }
        }
        throw new IOException("could not replace " + oldest + " with a directory");
    }

    private static SubsystemStatus awaitDisabled(BlockingQueue<Notification> received) throws InterruptedException {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Notification n = received.poll(1, TimeUnit.SECONDS);
            if (n != null && n.getType().equals(NotificationTypes.SUBSYSTEM_STATE)) {
                SubsystemStatus s = AgentMXBean.SUBSYSTEM_TABLE.fromCompositeData((CompositeData) n.getUserData());
                if (s.state() == SubsystemState.DISABLED) {
                    return s;
                }
            }
        }
        throw new AssertionError("no DISABLED notification within " + ChildJvm.TIMEOUT);
    }

    private static void awaitFile(Path file, ChildJvm app) throws InterruptedException {
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline || !app.isAlive()) {
                throw new AssertionError(file + " did not appear" + app.stderr());
            }
            Thread.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) throws Exception {
        return (Map<String, Object>) new JSONParser().parse(line);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}

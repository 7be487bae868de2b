package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.agent.core.Registrations;
import dev.memtrack.agent.log.JsonLinesReader;
import dev.memtrack.agent.testing.AgentSubsystems;
import dev.memtrack.agent.testing.Await;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.Heartbeat;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.JolokiaNotifications;
import dev.memtrack.agent.testing.apps.HeartbeatApp;
import dev.memtrack.agent.testing.apps.WorkloadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/**
 * The JSON Lines log: parseable lines, rotation, failures that disable only the log (a broken rotation, a
 * path below a regular file, a full disk), and nothing lost but a torn last line when the JVM is killed.
 */
class JsonLogIT {

    private static final String KEEP_RUNNING = "; the application and the rest of memtrack keep running";

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

    @Test
    void aLogPathBelowARegularFileTurnsOffTheLogOnlyWithTheSystemsReason() throws IOException {
        Path file = Files.writeString(ChildJvm.workDir().resolve("not-a-directory-" + System.nanoTime()), "x");
        Path log = file.resolve("logs").resolve("memtrack.jsonl");
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,log=" + log)
                .main(HeartbeatApp.class).start()) {
            app.awaitReady();

            String reason = "failed to start: IOException: cannot open JSON Lines log '" + log + "': "
                    + file.resolve("logs") + ": Not a directory";
            assertThat(app.memtrackLines()).contains("[memtrack] warning: json-log disabled: " + reason + KEEP_RUNNING);
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            AgentSubsystems.assertDisabled(states, "json-log", reason);
            AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "policy", "jolokia");
            Heartbeat.assertContinues(app);
        }
    }

    @Test
    void aFullDiskTurnsOffTheLogOnlyWithTheSystemsReason() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,log=/dev/full")
                .main(HeartbeatApp.class).start()) {
            app.awaitReady();

            String reason = "failed while sampling: UncheckedIOException: cannot write JSON Lines log '/dev/full': "
                    + "No space left on device";
            app.awaitStderr("[memtrack] warning: json-log disabled: " + reason + KEEP_RUNNING);
            List<SubsystemStatus> states = AgentSubsystems.of(app);
            AgentSubsystems.assertDisabled(states, "json-log", reason);
            AgentSubsystems.assertRunning(states, "heap-stats", "system-stats", "processes", "policy", "jolokia");
            Heartbeat.assertContinues(app);
        }
    }

    /**
     * kill -9 of the demo workload while it logs every 100 ms: every complete line of the log and of its
     * rotated files parses, the reader ({@code log} command) accepts them, a line torn by the kill is
     * skipped and cut off when the log is opened again, and the lines after it are whole.
     */
    @Test
    void theLogSurvivesKillNineAndItsReaderToleratesATornLastLine() throws Exception {
        Path dir = Files.createDirectories(ChildJvm.workDir().resolve("kill9-" + System.nanoTime()));
        Path log = dir.resolve("memtrack.jsonl");
        String options = "interval=100ms,log=" + log + ",log.maxBytes=256KiB,log.maxFiles=3";
        DemoJvm demo = DemoJvm.start(options);
        long pid = demo.pid();
        Path registration = Registrations.forThisUser().directory().resolve(pid + ".properties");
        try {
            Await.until("a rotated file and three lines in the current one", () -> Files.exists(log.resolveSibling(
                    "memtrack.jsonl.1")) && JsonLinesReader.lines(log).size() >= 3);
            assertThat(registration).exists();
            assertThat(demo.jvm().kill()).as("exit status after SIGKILL").isEqualTo(137);
        } finally {
            demo.close();
        }

        List<Long> times = new ArrayList<>();
        List<Path> files = JsonLinesReader.withRotated(log);
        assertThat(files).hasSizeGreaterThanOrEqualTo(2).endsWith(log);
        for (Path file : files) {
            JsonLinesReader.Summary s = JsonLinesReader.read(file, line -> {
                assertThat(line.json()).containsKeys("time", "epochMillis");
                times.add(((Number) line.json().get("epochMillis")).longValue());
            });
            assertThat(s.intact()).as("%s: %s", file, s.problems()).isTrue();
            if (!file.equals(log)) {
                assertThat(s.tornBytes()).as("a rotated file is complete").isZero();
            }
        }
        assertThat(times).hasSizeGreaterThan(3).isSorted();
        ChildJvm.CliResult check = ChildJvm.cli("log", log.toString());
        assertThat(check.exitStatus()).as(check.stderr()).isZero();
        assertThat(check.stdout().lines()).hasSize(files.size())
                .allSatisfy(l -> assertThat(l).matches(".+: \\d+ lines \\(\\d+ events?\\), \\S+ to \\S+(; torn .*)?"));

        // A kill seldom lands inside a write; the tear it would leave is made by hand.
        String torn = "{\"time\":\"2026-01-01T00:00:00Z\",\"epochMillis\":1767225600000,\"heap\":{\"heapUsedBy";
        Files.writeString(log, torn, StandardOpenOption.APPEND);
        ChildJvm.CliResult tornCheck = ChildJvm.cli("log", log.toString());
        assertThat(tornCheck.exitStatus()).as(tornCheck.stderr()).isZero();
        assertThat(tornCheck.stdout()).contains("; torn last line skipped (" + torn.length()
                + " bytes written when the process stopped)");
        List<String> linesBefore = JsonLinesReader.lines(log).stream().map(JsonLinesReader.Line::text).toList();

        // The killed JVM could not withdraw its registration: list ignores the file and removes it.
        assertThat(registration).exists();
        ChildJvm.CliResult list = ChildJvm.cli("list");
        assertThat(list.stdout()).doesNotContainPattern("(?m)^" + pid + "\\s");
        assertThat(registration).doesNotExist();

        try (DemoJvm again = DemoJvm.start(options)) {
            Await.until("two new lines after the restart",
                    () -> JsonLinesReader.lines(log).size() >= linesBefore.size() + 2);
        }
        List<String> linesAfter = new ArrayList<>();
        JsonLinesReader.Summary after = JsonLinesReader.read(log, line -> linesAfter.add(line.text()));
        assertThat(after.intact()).as("%s", after.problems()).isTrue();
        assertThat(linesAfter).startsWith(linesBefore.toArray(String[]::new));
        assertThat(Files.readString(log)).doesNotContain(torn);
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

package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.Await;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaNotifications;
import dev.memtrack.agent.testing.PolicyOverJolokia;
import dev.memtrack.agent.testing.PolicyOverJolokia.Decision;
import dev.memtrack.mbeans.NotificationTypes;
import dev.memtrack.mbeans.PolicyDecision;
import dev.memtrack.mbeans.PolicyMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jolokia.json.parser.JSONParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy on the real demo workload under the real agent, in ENFORCE mode with its own evaluation
 * thread every 200 ms: pressure throttles the background program while the CRITICAL one stays untouched,
 * and lifting it restores parallelism step by step; a pinned target is left alone; a real process is
 * reniced; undoAll restores everything after a mode switch; every decision arrives as a JMX notification
 * (JConsole's way), through Jolokia's notification pull, in the JFR recording and in the JSON Lines log.
 *
 * <p>Pressure comes from thresholds, not from load, so that a busy build machine cannot change the
 * outcome: every rule watches {@code heap.used.percent}, which is never above 100 (the threshold each
 * rule starts with) and always above 1 (the demo keeps a 64 MiB cache in a 512 MiB heap). A test puts
 * its own rule under pressure with {@code setThreshold(rule, 1)} and lifts the pressure with
 * {@code setThreshold(rule, 100)}, the manual override a person would use (the release threshold moves
 * along: 0, then 99 again). Cooldowns are long, so no measurement ends (and reverts an action) while a
 * test looks. One demo JVM serves every test; each test leaves the demo as it found it.
 */
class PolicyDemoIT {

    private static final long POLICY_INTERVAL_MILLIS = 200;
    /** The rules differ in hold, restore-after and actions only; see rule(). */
    private static final String RULES = "# Every rule starts out of reach (heap.used.percent is never above 100).\n"
            + rule("heap-high", "400ms", "1s",
                    "reduce-parallelism(background), reduce-parallelism(workload:request-handler)")
            + rule("heap-higher", "400ms", "1s",
                    "reduce-parallelism(background), reduce-parallelism(workload:request-handler)")
            + rule("pinned", "0s", "1s", "reduce-parallelism(background)")
            + rule("nice", "0s", "10m", "renice")
            + rule("squeeze", "0s", "10m", "reduce-parallelism(background)")
            + rule("notify", "0s", "10m", "pause(workload:stress-phase)");
    private static final List<String> RULE_NAMES = List.of("heap-high", "heap-higher", "pinned", "nice", "squeeze",
            "notify");
    private static final String JFR_RECORDING = "memtrack-it";

    private static Path dir;
    private static Path log;
    private static Process sleeper;
    private static DemoJvm demo;
    private static PolicyOverJolokia policy;
    private static Jmx jmx;
    private static final List<Notification> jmxNotifications = new CopyOnWriteArrayList<>();
    private static JolokiaNotifications jolokiaNotifications;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(ChildJvm.workDir().resolve("policy-demo-" + System.nanoTime()));
        Path rules = Files.writeString(dir.resolve("rules.properties"), RULES);
        log = dir.resolve("memtrack.jsonl");
        sleeper = new ProcessBuilder("sleep", "300").start();
        demo = DemoJvm.start("interval=500ms,policy=ENFORCE,policy.interval=" + POLICY_INTERVAL_MILLIS + "ms,"
                        + "policy.file=" + rules + ",policy.processes=" + sleeper.pid() + ",log=" + log,
                "-XX:StartFlightRecording=name=" + JFR_RECORDING + ",settings=default");
        policy = new PolicyOverJolokia(demo.jolokia());
        jmx = Jmx.connect(demo.pid());
        jmx.server().addNotificationListener(new ObjectName(PolicyMXBean.OBJECT_NAME),
                (n, handback) -> jmxNotifications.add(n), null, null);
        jolokiaNotifications = JolokiaNotifications.subscribe(demo.jolokia(), PolicyMXBean.OBJECT_NAME);
    }

    @AfterAll
    static void stop() {
        if (jmx != null) {
            jmx.close();
        }
        ChildJvm.closeQuietly(demo == null ? null : demo.jvm());
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    /** Lifts all pressure, gives back whatever the policy still holds and the settings a test changed. */
    @AfterEach
    void leaveTheDemoAsFound() {
        RULE_NAMES.forEach(rule -> policy.setThreshold(rule, 100));
        policy.setMode("ENFORCE");
        policy.exec("unpin", "workload:batch-job");
        policy.call("undoAll");
        demo.setParallelism("batch-job", 2);
        demo.setParallelism("stress-phase", 1);
    }

    @Test
    void pressureThrottlesTheBackgroundProgramNeverTheCriticalOneAndLiftingItRestoresStepByStep() {
        demo.setParallelism("batch-job", 4);
        long before = policy.lastDecisionId();

        long pressureOn = System.currentTimeMillis();
        policy.setThreshold("heap-high", 1);
        Await.until("batch-job halved", () -> demo.parallelism("batch-job"), p -> p == 2);
        policy.setThreshold("heap-higher", 1);
        Await.until("batch-job halved again", () -> demo.parallelism("batch-job"), p -> p == 1);

        List<Decision> throttled = policy.decisionsAfter(before);
        assertThat(throttled).extracting(Decision::brief).containsExactly(
                "heap-high reduce-parallelism workload:batch-job parallelism=4 -> parallelism=2 PENDING",
                "heap-higher reduce-parallelism workload:batch-job parallelism=2 -> parallelism=1 PENDING");
        assertCriticalAndOthersUntouched();
        Map<String, Object> section = Await.until("the policy section with both changes",
                PolicyDemoIT::lastPolicySection, s -> s != null && ((List<?>) s.get("changesInForce")).size() == 2);
        assertThat(asMap(section.get("unavailable")))
                .containsEntry("reduce-parallelism workload:request-handler",
                        "workload:request-handler is CRITICAL: never throttled")
                .containsEntry("reduce-parallelism workload:stress-phase",
                        "workload:stress-phase is already at parallelism 1");

        long pressureOff = System.currentTimeMillis();
        policy.setThreshold("heap-high", 100);
        policy.setThreshold("heap-higher", 100);
        Await.until("batch-job back at 4", () -> demo.parallelism("batch-job"), p -> p == 4);

        List<Decision> restored = policy.decisionsAfter(throttled.get(1).id()).stream()
                .filter(d -> d.outcome().equals("UNDONE")).toList();
        assertThat(restored).extracting(Decision::brief).containsExactly(
                "undo reduce-parallelism workload:batch-job parallelism=1 -> parallelism=2 UNDONE",
                "undo reduce-parallelism workload:batch-job parallelism=2 -> parallelism=4 UNDONE");
        assertThat(restored.get(0).message()).contains("below release 99.0 for 1s", "undoes decision #"
                + throttled.get(1).id() + " of rule heap-higher");
        assertThat(restored.get(1).message()).contains("undoes decision #" + throttled.get(0).id()
                + " of rule heap-high");
        assertCriticalAndOthersUntouched();
        report("first step down", throttled.get(0).timeMillis() - pressureOn);
        report("first step back", restored.get(0).timeMillis() - pressureOff);
        report("second step back", restored.get(1).timeMillis() - pressureOff);
    }

    @Test
    void aPinnedTargetIsLeftAloneWhileTheRuleThrottlesAnother() {
        demo.setParallelism("stress-phase", 2);
        int batchBefore = demo.parallelism("batch-job");
        policy.call("pin", "workload:batch-job");
        assertThat(policy.read("Pins")).asList().containsExactly("workload:batch-job");
        long before = policy.lastDecisionId();

        policy.setThreshold("pinned", 1);
        Await.until("stress-phase halved", () -> demo.parallelism("stress-phase"), p -> p == 1);

        assertThat(demo.parallelism("batch-job")).isEqualTo(batchBefore);
        assertThat(policy.decisionsAfter(before)).extracting(Decision::brief).containsExactly(
                "pinned reduce-parallelism workload:stress-phase parallelism=2 -> parallelism=1 PENDING");
        Await.until("the policy section naming the pin", PolicyDemoIT::lastPolicySection, s -> s != null
                && "workload:batch-job is pinned".equals(asMap(s.get("unavailable"))
                        .get("reduce-parallelism workload:batch-job")));
        assertCriticalAndOthersUntouched();
    }

    @Test
    void undoAllRestoresEveryChangeAfterAModeSwitchIncludingTheNiceOfARealProcess() throws IOException {
        int batchBefore = demo.parallelism("batch-job");
        assertThat(nice(sleeper.pid())).isZero();
        long before = policy.lastDecisionId();

        policy.setThreshold("nice", 1);
        policy.setThreshold("squeeze", 1);
        Await.until("sleep reniced", () -> nice(sleeper.pid()), n -> n == 5);
        Await.until("batch-job halved", () -> demo.parallelism("batch-job"), p -> p == (batchBefore + 1) / 2);
        policy.setMode("ADVISORY");

        assertThat(policy.mode()).isEqualTo("ADVISORY");
        assertThat(nice(sleeper.pid())).as("a mode switch undoes nothing").isEqualTo(5);
        assertThat(demo.parallelism("batch-job")).isEqualTo((batchBefore + 1) / 2);
        assertThat(policy.decisionsAfter(before)).extracting(Decision::brief).containsExactlyInAnyOrder(
                "nice renice process:" + sleeper.pid() + " nice=0 -> nice=5 PENDING",
                "squeeze reduce-parallelism workload:batch-job parallelism=" + batchBefore + " -> parallelism="
                        + (batchBefore + 1) / 2 + " PENDING");
        long acted = policy.lastDecisionId();

        Object undone = policy.call("undoAll");

        assertThat(demo.parallelism("batch-job")).isEqualTo(batchBefore);
        List<Decision> undos = policy.decisionsAfter(acted).stream().filter(d -> d.rule().equals("manual")).toList();
        if (isRoot()) {
            assertThat(undone).isEqualTo(2L);
            assertThat(nice(sleeper.pid())).isZero();
            assertThat(undos).extracting(Decision::brief).containsExactlyInAnyOrder(
                    "manual renice process:" + sleeper.pid() + " nice=5 -> nice=0 UNDONE",
                    "manual reduce-parallelism workload:batch-job parallelism=" + (batchBefore + 1) / 2
                            + " -> parallelism=" + batchBefore + " UNDONE");
        } else {
            // Lowering a nice value needs CAP_SYS_NICE: the restore is refused and says why.
            assertThat(undone).isEqualTo(1L);
            assertThat(undos).anySatisfy(d -> {
                assertThat(d.outcome()).isEqualTo("FAILED");
                assertThat(d.message()).contains("needs root or the CAP_SYS_NICE capability");
            });
        }
        assertThat(policy.decisionsAfter(acted)).allSatisfy(d -> assertThat(d.mode()).isEqualTo("ADVISORY"));
    }

    @Test
    void everyDecisionIsANotificationOverJmxAndJolokiaAJfrEventAndAJsonLogLine() throws Exception {
        long before = policy.lastDecisionId();

        policy.setThreshold("notify", 1);
        Decision decision = Await.until("a decision of rule notify", () -> policy.decisionsAfter(before),
                list -> !list.isEmpty()).get(0);
        Await.until("stress-phase paused", () -> demo.paused("stress-phase"), paused -> paused);

        assertThat(decision.brief()).isEqualTo("notify pause workload:stress-phase paused=false -> paused=true PENDING");
        String message = "#" + decision.id() + " notify: pause workload:stress-phase paused=false -> paused=true "
                + "(ENFORCE, PENDING): heap.used.percent";
        Notification viaJmx = Await.until("the JMX notification of decision #" + decision.id(),
                () -> jmxNotifications.stream().filter(n -> n.getMessage().startsWith(message)).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(viaJmx.getType()).isEqualTo(NotificationTypes.POLICY_DECISION);
        assertThat(viaJmx.getSource()).hasToString(PolicyMXBean.OBJECT_NAME);
        PolicyDecision data = PolicyMXBean.DECISION_TABLE.fromCompositeData((CompositeData) viaJmx.getUserData());
        assertThat(data.id()).isEqualTo(decision.id());
        assertThat(data.target()).isEqualTo("workload:stress-phase");
        assertThat(data.after()).isEqualTo("paused=true");

        List<Map<String, Object>> pulled = new ArrayList<>();
        Await.until("the Jolokia notification of decision #" + decision.id(), () -> {
            pulled.addAll(jolokiaNotifications.pull());
            return pulled;
        }, all -> all.stream().anyMatch(n -> String.valueOf(n.get("message")).startsWith(message)));
        assertThat(pulled).filteredOn(n -> String.valueOf(n.get("message")).startsWith(message)).first()
                .satisfies(n -> assertThat(n.get("type")).isEqualTo(NotificationTypes.POLICY_DECISION));

        Map<String, Object> line = Await.until("the JSON log line of decision #" + decision.id(),
                () -> decisionLine(decision.id()), l -> l != null);
        assertThat(asMap(line.get("data"))).containsEntry("rule", "notify").containsEntry("outcome", "PENDING")
                .containsEntry("target", "workload:stress-phase");

        List<RecordedEvent> events = jfrEvents("dev.memtrack.PolicyDecision");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getLong("id")).isEqualTo(decision.id());
            assertThat(e.getString("rule")).isEqualTo("notify");
            assertThat(e.getString("target")).isEqualTo("workload:stress-phase");
            assertThat(e.getString("after")).isEqualTo("paused=true");
        });
    }

    /** A rule on heap.used.percent, out of reach at 100 (release 99), with a cooldown no test outlasts. */
    private static String rule(String name, String hold, String restoreAfter, String actions) {
        return """
                rule.%1$s.metric        = heap.used.percent
                rule.%1$s.above         = 100
                rule.%1$s.release       = 99
                rule.%1$s.hold          = %2$s
                rule.%1$s.cooldown      = 10m
                rule.%1$s.restore-after = %3$s
                rule.%1$s.actions       = %4$s
                """.formatted(name, hold, restoreAfter, actions);
    }

    private static void assertCriticalAndOthersUntouched() {
        assertThat(demo.parallelism("request-handler")).as("CRITICAL request-handler").isEqualTo(2);
        assertThat(demo.paused("request-handler")).as("CRITICAL request-handler paused").isFalse();
        assertThat(demo.parallelism("cache-filler")).as("NORMAL cache-filler").isEqualTo(1);
        assertThat(demo.paused("cache-filler")).isFalse();
    }

    /** The nice value of a process, field 19 of {@code /proc/<pid>/stat}. */
    private static int nice(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(afterName[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() throws IOException {
        return new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim().equals("0");
    }

    /** The {@code policy} section of the newest interval line of the JSON Lines log, or null. */
    private static Map<String, Object> lastPolicySection() {
        List<Map<String, Object>> lines = logLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).containsKey("policy")) {
                return asMap(lines.get(i).get("policy"));
            }
        }
        return null;
    }

    /** The newest event line of a decision, or null. */
    private static Map<String, Object> decisionLine(long id) {
        List<Map<String, Object>> lines = logLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Map<String, Object> line = lines.get(i);
            if ("policy.decision".equals(line.get("event"))
                    && ((Number) asMap(line.get("data")).get("id")).longValue() == id) {
                return line;
            }
        }
        return null;
    }

    private static List<Map<String, Object>> logLines() {
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                // The writer may be in the middle of a line: only whole lines parse.
                if (line.endsWith("}")) {
                    out.add(asMap(new JSONParser().parse(line)));
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        } catch (Exception e) {
            throw new AssertionError("unparseable JSON Lines log " + log, e);
        }
    }

    /** The demo's JFR recording so far, copied out over JMX the way JDK Mission Control does it. */
    private static List<RecordedEvent> jfrEvents(String type) throws Exception {
        MBeanServerConnection server = jmx.server();
        ObjectName recorder = new ObjectName("jdk.management.jfr:type=FlightRecorder");
        long id = -1;
        for (CompositeData r : (CompositeData[]) server.getAttribute(recorder, "Recordings")) {
            if (JFR_RECORDING.equals(r.get("name"))) {
                id = (Long) r.get("id");
            }
        }
        assertThat(id).as("the recording started with -XX:StartFlightRecording").isNotNegative();
        Path copy = dir.resolve("recording-" + System.nanoTime() + ".jfr");
        server.invoke(recorder, "copyTo", new Object[] {id, copy.toString()},
                new String[] {long.class.getName(), String.class.getName()});
        return RecordingFile.readAllEvents(copy).stream().filter(e -> e.getEventType().getName().equals(type))
                .toList();
    }

    private static void report(String what, long millis) {
        System.out.printf(Locale.ROOT, "[memtrack-it] %s (%s): %d ms after the threshold changed, %.1f policy "
                + "intervals%n", what, ChildJvm.workDir().getFileName(), millis,
                millis / (double) POLICY_INTERVAL_MILLIS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}

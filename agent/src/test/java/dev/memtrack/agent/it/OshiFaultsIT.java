package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memtrack.agent.testing.AgentSubsystems;
import dev.memtrack.agent.testing.Await;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Heartbeat;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.HeartbeatApp;
import dev.memtrack.mbeans.HeapMXBean;
import dev.memtrack.mbeans.SubsystemState;
import dev.memtrack.mbeans.SubsystemStatus;
import dev.memtrack.mbeans.SystemMXBean;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OSHI, or the native library it may load, failing: the collector of machine statistics disables itself
 * with a reason a person can act on; heap statistics, Jolokia and the application go on. OSHI reads a
 * missing or malformed {@code /proc} as zeros, so these tests point it ({@code oshi.util.proc.path}) at
 * directories memtrack must refuse.
 */
class OshiFaultsIT {

    private static final String KEEP_RUNNING = "; the application and the rest of memtrack keep running";

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs a Linux /proc");
    }

    @Test
    void anEmptyProcDirectoryDisablesTheMachineCollectorsWithTheReason() throws IOException {
        Path proc = Files.createDirectories(ChildJvm.workDir().resolve("proc-empty-" + System.nanoTime()));
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=200ms")
                .jvmArgs("-Doshi.util.proc.path=" + proc).main(HeartbeatApp.class).start()) {
            ChildJvm.Ready ready = app.awaitReady();

            String source = proc + " (oshi.util.proc.path)";
            String system = "failed to start: IllegalStateException: OSHI read no usable machine statistics from "
                    + source + ": total memory 0 bytes and CPU time 0 ticks; its files are missing, unreadable or "
                    + "malformed";
            String processes = "failed to start: IllegalStateException: OSHI read a process table without this JVM "
                    + "(pid " + app.pid() + ") from " + source + ": 0 processes; its files are missing, unreadable or "
                    + "malformed";
            assertMachineCollectorsOffAndTheRestOn(app, ready, system, processes);
        }
    }

    @Test
    void procFilesThatTurnMalformedWhileRunningDisableTheCollectorThen() throws IOException {
        Path proc = Files.createDirectories(ChildJvm.workDir().resolve("proc-breaking-" + System.nanoTime()));
        linkMachineEntriesOfProc(proc);
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=200ms")
                .jvmArgs("-Doshi.util.proc.path=" + proc).main(HeartbeatApp.class).start()) {
            ChildJvm.Ready ready = app.awaitReady();
            JolokiaClient jolokia = new JolokiaClient(ready.jolokiaUri());
            AgentSubsystems.assertRunning(AgentSubsystems.of(app), "system-stats");
            assertThat(((Number) jolokia.read(SystemMXBean.OBJECT_NAME, "MemoryTotalBytes").value()).longValue())
                    .isPositive();

            for (String file : List.of("stat", "meminfo")) {
                Files.delete(proc.resolve(file));
                Files.writeString(proc.resolve(file), "cpu  x y z\nMemTotal: not-a-number kB\n\u00ff\u00fe garbage\n");
            }

            String reason = "failed while sampling: IllegalStateException: OSHI read no usable machine statistics "
                    + "from " + proc + " (oshi.util.proc.path): total memory 0 bytes and CPU time 0 ticks; its files "
                    + "are missing, unreadable or malformed";
            app.awaitStderr("[memtrack] warning: system-stats disabled: " + reason + KEEP_RUNNING);
            List<SubsystemStatus> states = Await.until("system-stats disabled", () -> AgentSubsystems.of(app),
                    all -> AgentSubsystems.named(all, "system-stats").state() == SubsystemState.DISABLED);
            AgentSubsystems.assertDisabled(states, "system-stats", reason);
            AgentSubsystems.assertRunning(states, "heap-stats", "policy", "jolokia");
            assertHeapServedAndSystemGone(jolokia);
            Heartbeat.assertContinues(app);
        }
    }

    @Test
    void jnaWithoutItsNativeLibraryDisablesTheMachineCollectorsWithTheReason() {
        try (ChildJvm app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,oshi.provider=jna")
                .jvmArgs("-Djna.nounpack=true", "-Djna.nosys=true", "-Djna.boot.library.path=/nonexistent")
                .main(HeartbeatApp.class).start()) {
            ChildJvm.Ready ready = app.awaitReady();

            String reason = "failed to start: IllegalStateException: OSHI cannot load its native library through JNA "
                    + "(oshi.provider=jna): Could not find JNA native support; oshi.provider=native-free reads /proc "
                    + "without native code";
            assertMachineCollectorsOffAndTheRestOn(app, ready, reason, reason);
        }
    }

    /** Both lines on stderr, both reasons in the Agent MBean; heap statistics, Jolokia and the application on. */
    private static void assertMachineCollectorsOffAndTheRestOn(ChildJvm app, ChildJvm.Ready ready, String system,
                                                              String processes) {
        assertThat(app.memtrackLines()).contains("[memtrack] warning: system-stats disabled: " + system
                + KEEP_RUNNING, "[memtrack] warning: processes disabled: " + processes + KEEP_RUNNING);
        List<SubsystemStatus> states = AgentSubsystems.of(app);
        AgentSubsystems.assertDisabled(states, "system-stats", system);
        AgentSubsystems.assertDisabled(states, "processes", processes);
        AgentSubsystems.assertRunning(states, "heap-stats", "policy", "jolokia");
        assertHeapServedAndSystemGone(new JolokiaClient(ready.jolokiaUri()));
        Heartbeat.assertContinues(app);
    }

    private static void assertHeapServedAndSystemGone(JolokiaClient jolokia) {
        JolokiaClient.Response heap = jolokia.read(HeapMXBean.OBJECT_NAME, "HeapUsedBytes");
        assertThat(heap.status()).as(heap.body()).isEqualTo(200);
        assertThat(((Number) heap.value()).longValue()).isPositive();
        assertThat(jolokia.read(SystemMXBean.OBJECT_NAME, "MemoryTotalBytes").status()).isEqualTo(404);
    }

    /**
     * Links every entry of {@code /proc} but the processes into {@code proc}: the machine's statistics read
     * as usual until a test replaces a link with a file; the process table is empty.
     */
    private static void linkMachineEntriesOfProc(Path proc) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    Files.createSymbolicLink(proc.resolve(name), entry);
                }
            }
        }
    }
}

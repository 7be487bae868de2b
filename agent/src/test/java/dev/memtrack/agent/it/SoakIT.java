package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.AgentOptionProbe;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.load.AttributeCatalog;
import dev.memtrack.agent.testing.load.LoadRun;
import dev.memtrack.agent.testing.load.LoadSettings;
import dev.memtrack.agent.testing.soak.FootprintSample;
import dev.memtrack.agent.testing.soak.SoakReport;
import dev.memtrack.agent.testing.soak.SoakRun;
import dev.memtrack.agent.testing.soak.SoakSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short version of the soak ({@code benchmarks/run-soak.sh}): the demo with everything on (JSON
 * log, policy ENFORCE with the built-in rules, allocation tracking when the agent has it) under
 * steady Jolokia activity, its footprint sampled after a full GC. Over so short a run only gross
 * leaks show: the agent's threads must not multiply and the instances of its classes must stay
 * within a bound of where they started; the ten-minute soak states the slopes.
 */
class SoakIT {

    private static DemoJvm demo;
    private static Jmx jmx;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        log = ChildJvm.workDir().resolve("soak-it.jsonl");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        String alloc = AgentOptionProbe.accepts("alloc=SAMPLED") ? ",alloc=SAMPLED" : "";
        demo = DemoJvm.start("policy=ENFORCE,log=" + log + alloc);
        jmx = Jmx.connect(demo.pid());
    }

    @AfterAll
    static void stop() {
        if (jmx != null) {
            jmx.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void threadsStayAndAgentObjectsStayBounded() throws Exception {
        // Warm-up: every request kind once loaded its classes and filled its caches before the first sample.
        new LoadRun(demo.jolokia().base(), AttributeCatalog.load(demo.jolokia()),
                new LoadSettings(4, Duration.ofSeconds(5), 20, true, 3)).run();

        SoakReport report = new SoakRun(demo.jolokia(), jmx.server(),
                new SoakSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 4, 10))
                .run(s -> System.out.print("[SoakIT] " + s.elapsedMillis() + " ms: " + s.threads() + " threads, "
                        + s.agentInstances() + " agent instances\n"));
        System.out.println("[SoakIT]\n" + report.sampleTable() + report.trends());

        assertThat(report.load().errors()).as("errors of the soak's clients: %s", report.load().errorSamples())
                .isZero();
        FootprintSample first = report.first();
        FootprintSample last = report.last();
        assertThat(report.agentThreadGroupsGrown()).as("agent thread groups that grew\n%s", report.sampleTable())
                .isEmpty();
        assertThat(last.agentThreads()).isLessThanOrEqualTo(first.agentThreads());
        // Bounded, not equal: caches fill, the policy keeps its last decisions, the log buffers a line.
        assertThat(last.agentInstances()).as("agent instances\n%s", report.sampleTable())
                .isLessThanOrEqualTo(first.agentInstances() * 5 / 4 + 2_000);
        assertThat(demo.jvm().isAlive()).isTrue();
        assertThat(Files.size(log)).as("the JSON Lines log was written").isPositive();
    }
}

package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.load.AttributeCatalog;
import dev.memtrack.agent.testing.load.LoadReport;
import dev.memtrack.agent.testing.load.LoadRun;
import dev.memtrack.agent.testing.load.LoadSettings;
import dev.memtrack.agent.testing.load.RequestKind;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short version of the load benchmark ({@code benchmarks/run-load.sh}): 50 concurrent loopback
 * clients for 5 s against the demo workload under the agent, with the full mix of Jolokia reads
 * (single, bulk, list, search, policy) and simulator operations. Asserts that no request failed and
 * that the JVM and its endpoint are still well afterwards; latency is reported, never asserted (a
 * shared build machine makes timings meaningless as pass/fail criteria).
 */
class LoadIT {

    private static DemoJvm demo;

    @BeforeAll
    static void start() {
        demo = DemoJvm.start("policy=ENFORCE");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void fiftyClientsForFiveSecondsGetNoErrors() throws Exception {
        AttributeCatalog catalog = AttributeCatalog.load(demo.jolokia());
        LoadSettings settings = new LoadSettings(50, Duration.ofSeconds(5), 20, true, 1);

        LoadReport report = new LoadRun(demo.jolokia().base(), catalog, settings).run();

        System.out.println("[LoadIT] " + report.summary() + "\n" + report.table());
        assertThat(report.errorSamples()).as("errors under load").isEmpty();
        assertThat(report.errors()).isZero();
        // Every kind of request was part of the load, so "no errors" covers each of them.
        assertThat(report.kinds().keySet()).containsExactlyInAnyOrder(RequestKind.values());
        assertThat(report.kinds().values()).allSatisfy(k -> assertThat(k.count()).isPositive());
        assertThat(demo.jvm().isAlive()).isTrue();
        assertThat(demo.jolokia().version().status()).isEqualTo(200);
        assertThat(demo.jvm().memtrackLines()).noneMatch(l -> l.contains("warning") || l.contains("disabled"));
    }
}

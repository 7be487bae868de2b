package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Eventually;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.SampledLoadApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAMPLED mode with the real agent jar (its default mode), at a 16 KiB mean interval: over 256 MB per
 * case on four threads, small, large and mixed object sizes, the estimate is within ±5 % of what the
 * JVM counted for those threads less what the tracker allocated itself meanwhile (its stack samples;
 * about 16,000 samples a case: one standard deviation is near 1 %).
 * Then, with four threads allocating, the mode is switched back and forth through the MBean: the
 * application keeps running, the tracker stays up and its totals still add up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampledLoadIT {

    private static final Pattern CASE =
            Pattern.compile("case (\\w+) jvmBytes=(\\d+) ownBytes=(\\d+) estimatedBytes=(\\d+) estimated=(true|false)");
    private static final String ALLOCATIONS = AllocationsMXBean.OBJECT_NAME;
    private static ChildJvm app;
    private static JolokiaClient jolokia;

    @BeforeAll
    static void start() throws IOException {
        Path log = ChildJvm.workDir().resolve("sampled-load.jsonl");
        Files.deleteIfExists(log);
        app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,log=" + log + ",alloc.interval=16KiB,alloc.include="
                + SampledLoadApp.class.getName()).jvmArgs("-Xmx256m").main(SampledLoadApp.class, log.toString()).start();
        jolokia = new JolokiaClient(app.awaitReady().jolokiaUri());
        app.awaitStdout("load running");
    }

    @AfterAll
    static void stop() {
        ChildJvm.closeQuietly(app);
    }

    @ParameterizedTest
    @Order(1)
    @ValueSource(strings = {"small", "large", "mixed"})
    void estimateIsWithinFivePercentOfTheJvmsCount(String name) {
        Matcher m = app.stdout().lines().map(CASE::matcher).filter(x -> x.matches() && x.group(1).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + name + " in " + app.stdout()));
        long jvm = Long.parseLong(m.group(2));
        long own = Long.parseLong(m.group(3));
        long estimate = Long.parseLong(m.group(4));
        assertThat(jvm).isGreaterThanOrEqualTo(SampledLoadApp.BYTES_PER_CASE);
        assertThat(own).as("the tracker's own bytes (stack samples) are a small part").isBetween(0L, jvm / 5);
        assertThat(m.group(5)).isEqualTo("true");
        long application = jvm - own;
        assertThat((double) estimate).as("%s: estimate %d, JVM %d of which the tracker's own %d", name, estimate, jvm,
                own).isCloseTo(application, within(0.05 * application));
    }

    @Test
    @Order(2)
    void modeSwitchesUnderLoadKeepTheTrackerUpAndTheTotalsAddingUp() {
        List<String> modes = List.of("EXACT", "OFF", "SAMPLED", "EXACT", "SAMPLED", "OFF", "EXACT", "SAMPLED");
        for (int round = 0; round < 3; round++) {
            for (String mode : modes) {
                assertThat(jolokia.write(ALLOCATIONS, "Mode", mode).status()).isEqualTo(200);
                assertThat(jolokia.read(ALLOCATIONS, "Mode").value()).isEqualTo(mode);
            }
        }
        assertThat(jolokia.write(ALLOCATIONS, "Mode", "EXACT").status()).isEqualTo(200);
        long tracked = ((Number) jolokia.read(ALLOCATIONS, "TrackedAllocatedBytes").value()).longValue();
        Eventually.await(() -> ((Number) jolokia.read(ALLOCATIONS, "TrackedAllocatedBytes").value()).longValue(),
                t -> t > tracked + (10 << 20), "EXACT recording the load");
        assertThat(app.isAlive()).isTrue();
        assertThat(app.memtrackLines()).noneMatch(l -> l.contains("warning"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tracking = (Map<String, Object>) ((Map<String, Object>) jolokia
                .read(AgentMXBean.OBJECT_NAME, "Subsystems").value()).get("allocation-tracking");
        assertThat(tracking.get("state")).isEqualTo("RUNNING");
        assertThat(AllocationTotals.addUp(jolokia)).as("Total = Tracked + Unattributed").isTrue();
    }
}

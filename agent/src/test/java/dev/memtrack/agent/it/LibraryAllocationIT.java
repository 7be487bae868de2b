package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memtrack.agent.alloc.workload.JacksonWorkload;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Eventually;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.JacksonApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real library under the real agent with its default selection (every class that is not the JDK's
 * or memtrack's), EXACT: Jackson 2.17.2 from Maven Central instrumented with no failure and no warning,
 * its sites and the beans it creates reflectively in the tables, totals that add up, and none of
 * memtrack's own work (its threads, Jolokia, OSHI, Byte Buddy) counted as the application's.
 */
class LibraryAllocationIT {

    private static ChildJvm app;
    private static JolokiaClient jolokia;

    @BeforeAll
    static void start() throws URISyntaxException {
        app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,alloc=exact").jvmArgs("-Xmx256m")
                .classpath(location(ObjectMapper.class), location(JsonFactory.class), location(JsonProperty.class))
                .main(JacksonApp.class).start();
        jolokia = new JolokiaClient(app.awaitReady().jolokiaUri());
        app.awaitStdout("jackson done");
    }

    @AfterAll
    static void stop() {
        ChildJvm.closeQuietly(app);
    }

    @Test
    void jacksonIsInstrumentedWithoutFailureAndItsSitesAreTracked() {
        List<Map<String, Object>> sites = Eventually.await(() -> rows(exec("topSites", 10_000)),
                rows -> rows.stream().anyMatch(r -> ((String) r.get("site")).startsWith("com.fasterxml.jackson.")),
                "Jackson's sites in TopSites");
        assertThat(sites).anyMatch(r -> r.get("type").equals(JacksonWorkload.Order.class.getName()));
        assertThat(sites).allMatch(r -> r.get("estimated").equals(false));
        @SuppressWarnings("unchecked")
        Map<String, Object> failures = (Map<String, Object>) jolokia.read(AgentMXBean.OBJECT_NAME,
                "InstrumentationFailures").value();
        assertThat(failures).isEmpty();
        assertThat(app.memtrackLines()).noneMatch(l -> l.contains("warning"));
        assertThat(app.stderr()).doesNotContain("VerifyError").doesNotContain("ClassCircularityError")
                .doesNotContain("Exception");
    }

    @Test
    void totalsAddUpAndTheJacksonThreadsAreWithinWhatTheJvmCounted() {
        assertThat(AllocationTotals.addUp(jolokia)).as("Total = Tracked + Unattributed").isTrue();
        // The threads are idle after their work: within a sampling interval both figures are final.
        List<Map<String, Object>> jackson = Eventually.await(() -> rows(jolokia.read(AllocationsMXBean.OBJECT_NAME,
                        "TopThreads").value()).stream().filter(r -> ((String) r.get("thread")).startsWith("jackson-"))
                        .toList(),
                rows -> rows.size() == JacksonApp.THREADS
                        && rows.stream().allMatch(r -> number(r, "bytes") <= number(r, "jvmAllocatedBytes")),
                "the Jackson threads' tracked bytes within what the JVM counted");
        // The rest of what the JVM counted for them is inside the JDK (strings, collections) and, above all,
        // the class transformation memtrack did on those threads as they loaded Jackson's classes.
        assertThat(jackson).hasSize(JacksonApp.THREADS).allSatisfy(r ->
                assertThat(number(r, "bytes")).isPositive().isLessThanOrEqualTo(number(r, "jvmAllocatedBytes")));
    }

    @Test
    void memtracksOwnWorkIsNotCounted() {
        List<Map<String, Object>> sites = rows(exec("topSites", 10_000));
        assertThat(sites).isNotEmpty().noneMatch(r -> isMemtracksOwn((String) r.get("site")))
                .noneMatch(r -> isMemtracksOwn((String) r.get("type")));
        List<Map<String, Object>> threads = rows(jolokia.read(AllocationsMXBean.OBJECT_NAME, "TopThreads").value());
        assertThat(threads).filteredOn(r -> ((String) r.get("thread")).startsWith("memtrack"))
                .allSatisfy(r -> assertThat(number(r, "count")).as("%s", r).isZero());
    }

    /** memtrack's classes and those it brings (shaded or in its isolated loader). */
    private static boolean isMemtracksOwn(String name) {
        boolean test = name.startsWith("dev.memtrack.agent.testing.") || name.startsWith("dev.memtrack.agent.alloc.workload.");
        return !test && (name.startsWith("dev.memtrack.") || name.contains("bytebuddy") || name.contains("jolokia")
                || name.contains("oshi.") || name.contains("HdrHistogram") || name.contains("com.sun.jna"));
    }

    private static Object exec(String operation, Object... arguments) {
        JolokiaClient.Response r = jolokia.exec(AllocationsMXBean.OBJECT_NAME, operation, arguments);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.value();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object tabular) {
        assertThat(tabular).isInstanceOf(Map.class);
        return new ArrayList<>(((Map<String, Map<String, Object>>) tabular).values());
    }

    private static long number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

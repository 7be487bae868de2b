package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Eventually;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.simulator.cli.Main;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The simulator's demo workload under the agent, with its defaults (SAMPLED): its programs' sites in TopSites. */
class DemoAllocationsIT {

    /** The allocating programs of the demo and the method each allocates in. */
    private static final List<String> PROGRAM_SITES = List.of(
            "dev.memtrack.simulator.demo.BatchJobTask.run(BatchJobTask.java:",
            "dev.memtrack.simulator.demo.CacheFillerTask.run(CacheFillerTask.java:",
            "dev.memtrack.simulator.demo.RequestHandlerTask.run(RequestHandlerTask.java:");

    @Test
    void theDemoProgramsShowInTopSites() throws URISyntaxException {
        try (ChildJvm demo = ChildJvm.withAgent("jolokia.port=0").name("demo").jvmArgs("-Xmx256m")
                .classpath(location(Main.class), location(Priority.class)).main(Main.class, "demo").start()) {
            JolokiaClient jolokia = new JolokiaClient(demo.awaitReady().jolokiaUri());
            assertThat(jolokia.read(AllocationsMXBean.OBJECT_NAME, "Mode").value()).isEqualTo("SAMPLED");

            Set<String> seen = new TreeSet<>();
            Eventually.await(() -> {
                seen.addAll(sites(jolokia));
                return seen;
            }, DemoAllocationsIT::seenAll, "a site of every demo program in TopSites");
            for (String program : PROGRAM_SITES) {
                assertThat(seen).as("TopSites of the demo").anyMatch(s -> s.startsWith(program));
            }
            assertThat(seen).allMatch(s -> s.matches("[\\w.$]+\\.[\\w$<>]+\\(\\w+\\.java:\\d+\\)"), "class.method(File:line)");
        }
    }

    /** The jar or class directory of the module a class comes from (simulator, and the mbeans it needs). */
    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean seenAll(Set<String> seen) {
        return PROGRAM_SITES.stream().allMatch(p -> seen.stream().anyMatch(s -> s.startsWith(p)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> sites(JolokiaClient jolokia) {
        Object value = jolokia.read(AllocationsMXBean.OBJECT_NAME, "TopSites").value();
        if (!(value instanceof Map<?, ?> rows)) {
            return List.of();
        }
        return ((Map<String, Map<String, Object>>) rows).values().stream().map(r -> (String) r.get("site")).toList();
    }
}

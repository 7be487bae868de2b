package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.AllocationSites;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Eventually;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.AllocatingApp;
import dev.memtrack.mbeans.AllocationsMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code attach <pid>} to an application already running: its loaded classes are retransformed and tracked. */
class AllocationAttachIT {

    @Test
    void classesLoadedBeforeTheAttachAreRetransformedAndTracked() throws IOException {
        Path log = ChildJvm.workDir().resolve("allocation-attach.jsonl");
        Files.deleteIfExists(log);
        try (ChildJvm app = ChildJvm.withoutAgent().name("allocation-attach").jvmArgs("-XX:+EnableDynamicAgentLoading")
                .main(AllocatingApp.class, "loop").start()) {
            app.awaitStdout("allocating-app started");

            ChildJvm.CliResult attach = ChildJvm.cli("attach", Long.toString(app.pid()), "jolokia.port=0,interval=200ms,"
                    + "alloc=exact,alloc.include=dev.memtrack.agent.testing.apps.*,log=" + log);
            assertThat(attach.exitStatus()).as(attach.stderr()).isZero();
            JolokiaClient jolokia = new JolokiaClient(app.awaitReady().jolokiaUri());

            String site = AllocationSites.of("intArray");
            Eventually.await(() -> intArrays(jolokia, site), count -> count > 0, "allocations at " + site);
            String line = Eventually.await(() -> lastLine(log), l -> l.contains("\"allocations\":{"),
                    "a log line with allocations");
            // AllocatingApp and its Point were loaded before memtrack: retransformed, not instrumented at load.
            assertThat(number(line, "retransformedClasses")).isGreaterThanOrEqualTo(2);
            assertThat(number(line, "instrumentationFailures")).isZero();
            assertThat(app.isAlive()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static long intArrays(JolokiaClient jolokia, String site) {
        Object value = jolokia.read(AllocationsMXBean.OBJECT_NAME, "TopSites").value();
        if (!(value instanceof Map<?, ?> rows)) {
            return 0;
        }
        return ((Map<String, Map<String, Object>>) rows).values().stream()
                .filter(r -> site.equals(r.get("site")) && "int[]".equals(r.get("type")))
                .mapToLong(r -> ((Number) r.get("count")).longValue()).sum();
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", key, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "";
        }
    }
}

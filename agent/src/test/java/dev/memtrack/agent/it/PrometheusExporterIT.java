package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.Await;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.FreePort;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.prometheus.Exposition;
import dev.memtrack.agent.testing.prometheus.ExporterConfig;
import dev.memtrack.agent.testing.prometheus.JolokiaLeaves;
import dev.memtrack.agent.testing.prometheus.MetricSource;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.PagingSimulatorMXBean;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.SegmentationSimulatorMXBean;
import dev.memtrack.mbeans.StressSimulatorMXBean;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet path: the demo workload runs with memtrack and the Prometheus JMX exporter agent
 * ({@code jmx_prometheus_javaagent} 1.0.1) using the shipped {@code prometheus/memtrack-jmx-exporter.yaml};
 * {@code /metrics} is scraped over HTTP and every memtrack metric is checked against memtrack's own
 * numbers read over Jolokia just before and just after the scrape.
 *
 * <p>The check is data-driven: each metric's HELP names its source (see the configuration's header),
 * and every numeric or boolean value Jolokia's {@code list} and {@code read} show for memtrack's MBeans
 * must be exported or deliberately excluded. MBeans the configuration has rules for but this agent
 * does not register (allocation tracking, until it lands) are reported as skipped.
 *
 * <p>memtrack samples every 5 s here, so that most values are the same before, during and after the
 * scrape and are compared exactly; values that moved in between (counters, recent averages, live
 * figures) must lie within what the two reads saw, with some slack.
 */
class PrometheusExporterIT {

    private static final String PREFIX = "memtrack_";

    private static ExporterConfig config;
    private static DemoJvm demo;
    private static boolean policy;
    private static URI metrics;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void start() throws Exception {
        config = ExporterConfig.read(ExporterConfig.path());
        assertThat(ExporterConfig.exporterJar()).as("the exporter agent jar (copied by the build)").isRegularFile();
        int port = FreePort.find();
        metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        Path work = ChildJvm.workDir();
        Files.createDirectories(work);
        Path log = work.resolve("prometheus-it.jsonl");
        Path rules = Files.writeString(work.resolve("prometheus-it-rules.properties"), String.join("\n",
                "rule.demo.metric = heap.used.percent", "rule.demo.above = 100", "rule.demo.release = 99",
                "rule.demo.hold = 1s", "rule.demo.cooldown = 2s", "rule.demo.restore-after = 10m",
                "rule.demo.actions = reduce-parallelism(workload:batch-job)", ""));
        demo = DemoJvm.start("interval=5s,policy=ENFORCE,policy.interval=5s,policy.file=" + rules + ",log=" + log,
                "-javaagent:" + ExporterConfig.exporterJar() + "=127.0.0.1:" + port + ":" + config.file());
        exerciseSimulators(demo.jolokia());
        policy = demo.jolokia().read(PolicyMXBean.OBJECT_NAME, "Mode").status() == 200;
        if (policy) {
            exercisePolicy(demo.jolokia());
        } else {
            System.out.println("[PrometheusExporterIT] SKIPPED the policy's checks: this agent has no Policy MBean");
        }
        Await.until("the exporter serving memtrack's metrics with the simulators' and the policy's state",
                () -> scrape().contains("memtrack_simulator_stress_running 1.0")
                        && (!policy || scrape().contains("memtrack_policy_action_attempts_total{")));
    }

    /** One measured decision, so that the policy's Effectiveness table (indexed by rule, action, target) has a row. */
    private static void exercisePolicy(JolokiaClient jolokia) {
        assertThat(jolokia.exec(PolicyMXBean.OBJECT_NAME, "setThreshold", "demo", "1").status()).isEqualTo(200);
        Await.until("an Effectiveness row", () -> jolokia.read(PolicyMXBean.OBJECT_NAME, "Effectiveness").value(),
                v -> v instanceof Map<?, ?> m && !m.isEmpty());
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            stopStress(demo.jolokia());
            demo.close();
        }
    }

    /** Some state in each simulator, so that their values are not all zero. */
    private static void exerciseSimulators(JolokiaClient jolokia) {
        String paging = MemtrackDomain.objectName(PagingSimulatorMXBean.OBJECT_NAME).toString();
        for (int page : new int[] {7, 0, 1, 2, 0, 3, 0, 4}) {
            assertThat(jolokia.exec(paging, "access", page).status()).isEqualTo(200);
        }
        String segmentation = MemtrackDomain.objectName(SegmentationSimulatorMXBean.OBJECT_NAME).toString();
        assertThat(jolokia.exec(segmentation, "allocate", "P1/code", 4096).status()).isEqualTo(200);
        assertThat(jolokia.exec(segmentation, "allocate", "P2/data", 8192).status()).isEqualTo(200);
        assertThat(jolokia.exec(segmentation, "free", "P1/code").status()).isEqualTo(200);
        String stress = MemtrackDomain.objectName(StressSimulatorMXBean.OBJECT_NAME).toString();
        assertThat(jolokia.exec(stress, "start", 8, 16, "STEADY").status()).isEqualTo(200);
    }

    private static void stopStress(JolokiaClient jolokia) {
        jolokia.exec(MemtrackDomain.objectName(StressSimulatorMXBean.OBJECT_NAME).toString(), "stop");
    }

    @Test
    void theConfigurationSelectsMemtrackAndEveryRuleNamesTypesAndSourcesItsMetric() {
        assertThat(config.includeObjectNames()).containsExactly("memtrack:*");
        assertThat(config.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.name()).as(rule.pattern()).startsWith(PREFIX).matches("[a-z0-9_$]+")
                    .doesNotEndWith("_total").doesNotEndWith("_info");
            assertThat(rule.type()).as(rule.name()).isIn("GAUGE", "COUNTER");
            assertThat(rule.help()).as(rule.name()).contains("Source: memtrack:");
        });
        assertThat(config.excludedAttributes().keySet()).allSatisfy(name ->
                assertThat(ObjectName.getInstance(name).getCanonicalName()).as("excluded names must be canonical")
                        .isEqualTo(name));
    }

    @Test
    void everyMetricMatchesMemtracksOwnNumbersAndEveryValueIsExported() throws Exception {
        // Values move while they are read (a rolling p99 can go down and back up between reads), so a
        // sample counts as wrong only if it differs in every one of three scrapes: a wrong rule does.
        Map<String, String> mismatches = null;
        Map<String, Map<String, Object>> before = null;
        Exposition scraped = null;
        for (int round = 0; round < 3 && (mismatches == null || !mismatches.isEmpty()); round++) {
            before = readAll();
            scraped = Exposition.parse(scrape());
            Map<String, Map<String, Object>> after = readAll();
            Map<String, String> now = mismatches(scraped, before, after);
            if (mismatches == null) {
                mismatches = new TreeMap<>(now);
            } else {
                mismatches.keySet().retainAll(now.keySet());
                mismatches.replaceAll((sample, first) -> first + "; then " + now.get(sample));
            }
        }
        assertThat(mismatches.values()).as("samples that differ from memtrack's own numbers in three scrapes")
                .isEmpty();

        Set<String> checkedFamilies = new TreeSet<>();
        Map<String, Integer> samplesPerMBean = new TreeMap<>();
        List<MetricSource> sources = new ArrayList<>();
        int samples = 0;
        for (Exposition.Family family : scraped.families().values()) {
            if (!family.name().startsWith(PREFIX)) {
                continue;
            }
            assertThat(family.type()).as("type of %s", family.name()).isIn("gauge", "counter");
            MetricSource source = MetricSource.fromHelp(family.help()).orElseThrow(() ->
                    new AssertionError(family.name() + " has no Source in its HELP: " + family.help()));
            sources.add(source);
            checkedFamilies.add(family.name());
            assertThat(family.samples()).as("samples of %s", family.name()).isNotEmpty();
            samples += family.samples().size();
            samplesPerMBean.merge(source.pattern().getCanonicalName(), family.samples().size(), Integer::sum);
        }
        System.out.printf("[PrometheusExporterIT] %d memtrack metrics, %d samples checked against Jolokia, per MBean: %s%n",
                checkedFamilies.size(), samples, samplesPerMBean);

        // Coverage: every numeric or boolean value of every memtrack MBean is exported, or excluded on purpose.
        Set<JolokiaLeaves.Leaf> notExported = new TreeSet<>();
        for (JolokiaLeaves.Leaf leaf : JolokiaLeaves.of(before, listTypes())) {
            ObjectName mbean = ObjectName.getInstance(leaf.mbean());
            boolean exported = sources.stream().anyMatch(s -> s.matches(mbean) && s.attribute().equals(leaf.attribute())
                    && (leaf.item() == null ? s.item() == null : leaf.item().equals(s.item())));
            boolean excluded = config.excludedAttributes().getOrDefault(leaf.mbean(), List.of())
                    .contains(leaf.attribute());
            if (!exported && !excluded) {
                notExported.add(leaf);
            }
        }
        assertThat(notExported).as("values of memtrack's MBeans the configuration neither exports nor excludes")
                .isEmpty();

        // Rules for MBeans this agent does not register are not checked: say so.
        Set<String> registered = before.keySet();
        Map<String, Long> absent = config.rules().stream()
                .map(r -> r.help().substring(r.help().indexOf("Source: ") + 8).split(" ")[0])
                .filter(template -> registered.stream().noneMatch(name ->
                        MetricSource.pattern(template).apply(objectName(name))))
                .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
        absent.forEach((mbean, rules) -> System.out.printf(
                "[PrometheusExporterIT] SKIPPED %d rules for %s: this agent does not register it%n", rules, mbean));
        List<String> idle = config.rules().stream()
                .filter(r -> !absent.containsKey(r.help().substring(r.help().indexOf("Source: ") + 8).split(" ")[0]))
                .map(ExporterConfig.Rule::name)
                .filter(name -> checkedFamilies.stream().noneMatch(f -> f.matches(name.replaceAll("\\$\\d", "[a-z0-9_]+")
                        + "(_total)?")))
                .toList();
        if (!idle.isEmpty()) {
            System.out.println("[PrometheusExporterIT] NOT EXERCISED (their MBean is here, with nothing to export now): "
                    + idle);
        }
    }

    @Test
    void namesLabelsAndTypesAreWhatTheReadmeShows() throws Exception {
        Exposition scraped = Exposition.parse(scrape());
        JolokiaClient jolokia = demo.jolokia();

        assertThat(family(scraped, "memtrack_heap_used_bytes").type()).isEqualTo("gauge");
        assertThat(single(scraped, "memtrack_heap_max_bytes", Map.of()))
                .isEqualTo(number(jolokia.read("memtrack:type=Heap", "HeapMaxBytes")));
        assertThat(family(scraped, "memtrack_system_cpu_load_percent").samples()).hasSize(1);
        assertThat(family(scraped, "memtrack_heap_allocated_bytes_total").type()).isEqualTo("counter");
        assertThat(single(scraped, "memtrack_workload_parallelism", Map.of("program", "batch-job")))
                .isEqualTo(number(jolokia.read(MemtrackDomain.workload("batch-job").toString(), "Parallelism")));
        assertThat(single(scraped, "memtrack_workload_max_parallelism", Map.of("program", "batch-job"))).isEqualTo(4);
        assertThat(single(scraped, "memtrack_workload_priority", Map.of("program", "request-handler",
                "priority", "CRITICAL"))).isEqualTo(1);
        if (policy) {
            assertThat(single(scraped, "memtrack_policy_rule_threshold", Map.of("rule", "demo"))).isEqualTo(1);
            assertThat(single(scraped, "memtrack_policy_rule_release_threshold", Map.of("rule", "demo"))).isEqualTo(0);
            assertThat(single(scraped, "memtrack_policy_rule_hold_seconds", Map.of("rule", "demo"))).isEqualTo(1);
            assertThat(single(scraped, "memtrack_policy_action_attempts_total", Map.of("rule", "demo",
                    "action", "reduce-parallelism", "target", "workload:batch-job"))).isGreaterThanOrEqualTo(1);
        }
        assertThat(family(scraped, "memtrack_processes_top_cpu_percent").samples())
                .extracting(s -> s.labels().keySet()).containsOnly(Set.of("rank"));
        assertThat(family(scraped, "memtrack_processes_top_cpu_name").samples())
                .extracting(s -> s.labels().keySet()).containsOnly(Set.of("rank", "name"));
        assertThat(single(scraped, "memtrack_agent_subsystem_state", Map.of("subsystem", "jolokia", "state", "RUNNING")))
                .isEqualTo(1);
        assertThat(family(scraped, "memtrack_heap_pool_used_bytes").samples())
                .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("pool"));
        assertThat(family(scraped, "memtrack_heap_gc_pause_p99_seconds").help()).contains("seconds");
        // Every HELP says what the value is before where it comes from.
        assertThat(scraped.families().values()).filteredOn(f -> f.name().startsWith(PREFIX))
                .allSatisfy(f -> assertThat(f.help().indexOf("Source: ")).as(f.name()).isGreaterThan(10));
    }

    @Test
    void bothAgentsWorkSideBySideAndMemtracksJolokiaStaysHardened() throws Exception {
        Exposition scraped = Exposition.parse(scrape());
        assertThat(scraped.families()).as("the exporter's own JVM metrics").containsKey("jvm_memory_used_bytes");
        assertThat(single(scraped, "jmx_scrape_error", Map.of())).isZero();

        JolokiaClient jolokia = demo.jolokia();
        JolokiaClient.Response subsystems = jolokia.read(AgentMXBean.OBJECT_NAME, "Subsystems");
        assertThat(((Map<?, ?>) subsystems.value()).values()).as("memtrack's subsystems (all on here)")
                .allSatisfy(row -> assertThat(((Map<?, ?>) row).get("state")).isEqualTo("RUNNING"));
        assertThat(demo.jvm().memtrackLines()).noneMatch(l -> l.contains("warning"));

        // Still hardened with a second agent in the JVM: exec outside memtrack:* and the diagnostic MBeans denied,
        // foreign origins refused.
        assertThat(jolokia.exec("java.lang:type=Memory", "gc").status()).isEqualTo(403);
        assertThat(jolokia.read("com.sun.management:type=DiagnosticCommand", "*").status()).isEqualTo(403);
        assertThat(jolokia.send("", "POST", "{\"type\":\"version\"}", Map.of("Origin", "http://evil.example"))
                .httpStatus()).isEqualTo(403);
        assertThat(jolokia.rawGet("version", Map.of("Host", "evil.example")).httpStatus()).isEqualTo(403);

        // Neither agent registered MBeans in the other's domain.
        JolokiaClient.Response search = jolokia.post(Map.of("type", "search", "mbean", "memtrack:*"));
        assertThat((List<?>) search.value()).allSatisfy(name -> assertThat(objectName((String) name)
                .getKeyProperty("type")).isIn("Agent", "Heap", "System", "Processes", "Simulator", "Policy",
                "Workload", "Allocations"));
    }

    /** Null if the sample matches memtrack's value before or after the scrape; otherwise why not. */
    /** Per sample (name and labels), how it differs from what memtrack said just before and after the scrape. */
    private static Map<String, String> mismatches(Exposition scraped, Map<String, Map<String, Object>> before,
                                                  Map<String, Map<String, Object>> after) {
        Map<String, String> mismatches = new TreeMap<>();
        for (Exposition.Family family : scraped.families().values()) {
            if (!family.name().startsWith(PREFIX)) {
                continue;
            }
            MetricSource source = MetricSource.fromHelp(family.help()).orElseThrow(() ->
                    new AssertionError(family.name() + " has no Source in its HELP: " + family.help()));
            for (Exposition.Sample sample : family.samples()) {
                String mismatch = compare(source, sample, before, after);
                if (mismatch != null) {
                    mismatches.put(sample.name() + sample.labels(), sample.value() + ": " + mismatch);
                }
            }
            assertThat(family.samples().size()).as("%s: one sample per row of %s", family.name(), source.describe())
                    .isBetween(Math.min(rows(source, before), rows(source, after)),
                            Math.max(rows(source, before), rows(source, after)));
        }
        return mismatches;
    }

    private static String compare(MetricSource source, Exposition.Sample sample,
                                  Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        Object b = source.value(sample.labels(), before).orElse(null);
        Object a = source.value(sample.labels(), after).orElse(null);
        if (b == null && a == null) {
            return "no such value in memtrack (" + source.describe() + ")";
        }
        if (source.textLabel() != null) {
            String text = sample.labels().get(source.textLabel());
            boolean seen = text != null && (text.equals(String.valueOf(b)) || text.equals(String.valueOf(a)));
            return sample.value() == 1 && seen ? null : "memtrack says " + b + " / " + a;
        }
        double vb = numeric(b) * source.factor();
        double va = numeric(a) * source.factor();
        double v = sample.value();
        if (same(v, vb) || same(v, va)) {
            return null;
        }
        if (b == null || a == null || same(vb, va)) {
            return "memtrack says " + vb + " before and " + va + " after (" + source.describe() + ")";
        }
        // Moved between the two reads: the exporter read it in between.
        double slack = Math.abs(va - vb) + 0.1 * Math.max(Math.abs(va), Math.abs(vb));
        return v >= Math.min(va, vb) - slack && v <= Math.max(va, vb) + slack ? null
                : "outside what memtrack said before (" + vb + ") and after (" + va + ")";
    }

    private static boolean same(double x, double y) {
        return (Double.isNaN(x) && Double.isNaN(y)) || x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    }

    private static double numeric(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        return Double.NaN; // Jolokia writes NaN as text or null
    }

    /** Rows memtrack has for a source: the matching MBeans times the rows of the table, if it is one. */
    private static int rows(MetricSource source, Map<String, Map<String, Object>> mbeans) {
        int rows = 0;
        for (Map.Entry<String, Map<String, Object>> e : mbeans.entrySet()) {
            if (source.matches(objectName(e.getKey())) && e.getValue().containsKey(source.attribute())) {
                rows += source.rowLabels().isEmpty() ? 1 : rowCount(e.getValue().get(source.attribute()),
                        source.rowLabels().size());
            }
        }
        return rows;
    }

    private static int rowCount(Object table, int depth) {
        if (!(table instanceof Map<?, ?> level)) {
            return 0;
        }
        return depth == 1 ? level.size() : level.values().stream().mapToInt(v -> rowCount(v, depth - 1)).sum();
    }

    /** Every attribute of every memtrack MBean, one Jolokia read; keyed by canonical ObjectName. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> readAll() {
        JolokiaClient.Response r = demo.jolokia().post(Map.of("type", "read", "mbean", MemtrackDomain.DOMAIN + ":*"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        ((Map<String, Object>) r.value()).forEach((name, attributes) ->
                all.put(objectName(name).getCanonicalName(), (Map<String, Object>) attributes));
        return all;
    }

    /** Attribute types from Jolokia's list of the memtrack domain; keyed by canonical ObjectName. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> listTypes() {
        JolokiaClient.Response r = demo.jolokia().post(Map.of("type", "list", "path", MemtrackDomain.DOMAIN));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        ((Map<String, Object>) r.value()).forEach((properties, info) -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            Object attr = ((Map<String, Object>) info).get("attr");
            if (attr instanceof Map<?, ?> map) {
                map.forEach((name, desc) -> attributes.put((String) name, (String) ((Map<?, ?>) desc).get("type")));
            }
            types.put(objectName(MemtrackDomain.DOMAIN + ":" + properties).getCanonicalName(), attributes);
        });
        return types;
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", metrics).isEqualTo(200);
        return response.body();
    }

    private static Exposition.Family family(Exposition scraped, String name) {
        Exposition.Family f = scraped.families().get(name);
        assertThat(f).as("metric %s", name).isNotNull();
        return f;
    }

    private static double single(Exposition scraped, String name, Map<String, String> labels) {
        List<Exposition.Sample> matching = family(scraped, name).samples().stream()
                .filter(s -> s.labels().equals(labels)).toList();
        assertThat(matching).as("%s%s", name, labels).hasSize(1);
        return matching.get(0).value();
    }

    private static double number(JolokiaClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ((Number) r.value()).doubleValue();
    }

    private static ObjectName objectName(String name) {
        try {
            return ObjectName.getInstance(name);
        } catch (Exception e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}

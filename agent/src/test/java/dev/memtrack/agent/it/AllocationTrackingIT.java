package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.alloc.GeneratedClasses;
import dev.memtrack.agent.testing.AllocationSites;
import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.Eventually;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.apps.AllocatingApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Allocation tracking in a JVM started with {@code -javaagent:memtrack-agent.jar=alloc=exact,...}:
 * every allocation form of {@link AllocatingApp} with its site, type and exact count, over Jolokia
 * and over JMX; mode switches, reset and bad arguments at run time; the JSON Lines log section; a
 * class that cannot be instrumented listed in the Agent MBean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllocationTrackingIT {

    private static final String APP = AllocatingApp.class.getName();
    private static final String ALLOCATIONS = AllocationsMXBean.OBJECT_NAME;
    private static final int ROUNDS = AllocatingApp.ROUNDS;

    private static ChildJvm app;
    private static JolokiaClient jolokia;
    private static Jmx jmx;
    private static Path log;

    @BeforeAll
    static void start() throws IOException {
        Path work = ChildJvm.workDir().resolve("allocation-tracking");
        Path classes = work.resolve("legacy-classes");
        Path legacy = classes.resolve(AllocatingApp.LEGACY_CLASS.replace('.', '/') + ".class");
        Files.createDirectories(legacy.getParent());
        Files.write(legacy, GeneratedClasses.java14(AllocatingApp.LEGACY_CLASS));
        log = work.resolve("allocations.jsonl");
        Files.deleteIfExists(log);
        app = ChildJvm.withAgent("jolokia.port=0,interval=200ms,alloc=exact,alloc.interval=16KiB,"
                        + "alloc.include=dev.memtrack.agent.testing.apps.*,log=" + log)
                .jvmArgs("-Xmx128m").classpath(classes).main(AllocatingApp.class, "forms").start();
        ChildJvm.Ready ready = app.awaitReady();
        app.awaitStdout("legacy class ran: int[]");
        app.awaitStdout("forms done rounds=" + ROUNDS);
        jolokia = new JolokiaClient(ready.jolokiaUri());
        jmx = Jmx.connect(app.pid());
    }

    @AfterAll
    static void stop() {
        if (jmx != null) {
            jmx.close();
        }
        ChildJvm.closeQuietly(app);
    }

    @Test
    @Order(1)
    void everyFormHasItsSiteTypeAndExactCountOverJolokia() throws IOException {
        // Snapshots are at most a second old: wait until the last round is in.
        List<Map<String, Object>> sites = Eventually.await(() -> rows(exec("topSites", 10_000)),
                rows -> count(rows, site("intArray"), "int[]") >= ROUNDS, "every round in TopSites");

        expectSite(sites, "newObject", APP + "$Point", ROUNDS);
        expectSite(sites, "intArray", "int[]", ROUNDS);
        expectSite(sites, "stringMatrix", "java.lang.String[][]", ROUNDS);
        expectSite(sites, "stringMatrix", "java.lang.String[]", 2L * ROUNDS);
        expectSite(sites, "reflectiveArray", "long[]", ROUNDS);
        expectSite(sites, "arrayClone", "int[]", ROUNDS);
        expectSite(sites, "reflectiveNew", APP + "$Point", ROUNDS);
        // The varargs arrays of getDeclaredConstructor() and newInstance() are allocated at that line too.
        expectSite(sites, "reflectiveNew", "java.lang.Class[]", ROUNDS);
        expectSite(sites, "reflectiveNew", "java.lang.Object[]", ROUNDS);
        List<Map<String, Object>> lambdas = sites.stream().filter(r -> r.get("site").equals(site("capturingLambda")))
                .toList();
        assertThat(lambdas).singleElement().satisfies(r -> {
            assertThat((String) r.get("type")).startsWith(APP + "$$Lambda");
            assertThat(number(r, "count")).isEqualTo(ROUNDS);
        });
        for (Map<String, Object> r : sites) {
            assertThat(r.get("estimated")).as("EXACT mode: %s", r).isEqualTo(false);
            assertThat(number(r, "errorBytes")).as("%s", r).isZero();
            assertThat(number(r, "bytes") % number(r, "count")).as("bytes are whole objects: %s", r).isZero();
        }
        // The attribute shows the heaviest 100, ranked by bytes.
        List<Map<String, Object>> attribute = rows(read("TopSites"));
        assertThat(attribute).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        assertThat(attribute).extracting(r -> number(r, "rank")).isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, attribute.size()).boxed().toList());
        assertThat(attribute).extracting(r -> number(r, "bytes")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    @Order(2)
    void typesThreadsSizesAndStacksOverJolokia() {
        List<Map<String, Object>> types = rows(read("TopTypes"));
        assertThat(count(types, null, "java.lang.String[][]")).isEqualTo(ROUNDS);
        assertThat(count(types, null, "int[]")).isEqualTo(2L * ROUNDS);
        assertThat(count(types, null, "long[]")).isEqualTo(ROUNDS);
        assertThat(count(types, null, APP + "$Point")).isEqualTo(2L * ROUNDS);
        assertThat(rows(exec("topTypes", 2))).hasSize(2);

        List<Map<String, Object>> threads = rows(read("TopThreads"));
        Map<String, Object> forms = threads.stream()
                .filter(r -> r.get("thread").equals(AllocatingApp.FORMS_THREAD)).findFirst().orElseThrow();
        Map<String, Object> steady = threads.stream()
                .filter(r -> r.get("thread").equals(AllocatingApp.STEADY_THREAD)).findFirst().orElseThrow();
        // Eleven objects a round (String[2][3] is three, reflectiveNew three), and the worker's start of the
        // steady thread.
        assertThat(number(forms, "count")).isBetween(11L * ROUNDS, 11L * ROUNDS + 5);
        // A live thread: what the JVM counted for it covers what memtrack attributed to it.
        assertThat(number(steady, "jvmAllocatedBytes")).isGreaterThanOrEqualTo(number(steady, "bytes"));

        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) read("SizePercentiles");
        assertThat(number(sizes, "count")).isGreaterThanOrEqualTo(9L * ROUNDS);
        assertThat(List.of(number(sizes, "p50Bytes"), number(sizes, "p90Bytes"), number(sizes, "p99Bytes"),
                number(sizes, "p999Bytes"), number(sizes, "maxBytes"))).isSorted().allMatch(b -> b >= 16);

        String stacks = (String) Eventually.await(() -> exec("foldedStacks", 50),
                text -> text instanceof String s && s.contains(APP + ".steady"), "a sampled stack of the steady worker");
        List<String> lines = stacks.lines().toList();
        assertThat(lines).hasSizeBetween(1, 50).allMatch(l -> l.matches("\\S.*;\\S+ \\d+"), "frame;...;type bytes");
        assertThat(lines).anyMatch(l -> l.contains(APP + ".steady;byte[] "));
    }

    @Test
    @Order(3)
    void theSameTablesOverJmxWithTheirRealTypes() throws Exception {
        MBeanServerConnection server = jmx.server();
        ObjectName name = new ObjectName(ALLOCATIONS);
        for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
            if (a.getName().startsWith("Top")) {
                assertThat(a.getDescriptor().getFieldValue("openType")).as(a.getName()).isInstanceOf(TabularType.class);
            }
        }
        TabularData sites = (TabularData) server.getAttribute(name, "TopSites");
        List<CompositeData> intArrays = new ArrayList<>();
        for (Object row : sites.values()) {
            CompositeData r = (CompositeData) row;
            if (r.get("site").equals(site("intArray"))) {
                intArrays.add(r);
            }
        }
        assertThat(intArrays).singleElement().satisfies(r -> {
            assertThat(r.get("type")).isEqualTo("int[]");
            assertThat(r.get("count")).isEqualTo((long) ROUNDS);
        });
        TabularData types = (TabularData) server.invoke(name, "topTypes", new Object[] {3}, new String[] {"int"});
        assertThat(types.size()).isEqualTo(3);
        CompositeData sizes = (CompositeData) server.getAttribute(name, "SizePercentiles");
        assertThat((Long) sizes.get("count")).isPositive();
        assertThat(server.getAttribute(name, "Mode")).isEqualTo("EXACT");
    }

    @Test
    @Order(4)
    void totalsAddUp() {
        assertThat(AllocationTotals.addUp(jolokia)).as("TotalAllocatedBytes = TrackedAllocatedBytes + UnattributedBytes")
                .isTrue();
    }

    @Test
    @Order(5)
    void theJsonLogHasAnAllocationsSection() throws IOException {
        String line = Eventually.await(() -> {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            } catch (IOException e) {
                return "";
            }
        }, l -> l.contains("\"allocations\":{"), "a log line with allocations");
        String allocations = line.substring(line.indexOf("\"allocations\":{"));
        assertThat(allocations).contains("\"mode\":\"EXACT\"").contains("\"topSites\":[")
                .contains("\"instrumentationFailures\":1");
        long total = field(allocations, "totalAllocatedBytes");
        assertThat(field(allocations, "trackedAllocatedBytes") + field(allocations, "unattributedBytes"))
                .isEqualTo(total);
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void aClassThatCannotBeInstrumentedIsListedInTheAgentMBean() {
        // Indexed by class name and class loader: Jolokia nests the rows two levels deep.
        Map<String, Map<String, Map<String, Object>>> failures = (Map<String, Map<String, Map<String, Object>>>) jolokia
                .read(AgentMXBean.OBJECT_NAME, "InstrumentationFailures").value();
        assertThat(failures).containsOnlyKeys(AllocatingApp.LEGACY_CLASS);
        assertThat(failures.get(AllocatingApp.LEGACY_CLASS).values()).singleElement().satisfies(r -> {
            assertThat(r.get("className")).isEqualTo(AllocatingApp.LEGACY_CLASS);
            assertThat((String) r.get("classLoader")).contains("AppClassLoader");
            assertThat((String) r.get("reason")).contains("predates class literals");
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> tracking = (Map<String, Object>) ((Map<String, Object>) jolokia
                .read(AgentMXBean.OBJECT_NAME, "Subsystems").value()).get("allocation-tracking");
        assertThat(tracking.get("state")).isEqualTo("RUNNING");
    }

    @Test
    @Order(7)
    void badArgumentsGetAClearMessageAndNoStackTrace() {
        expectRefused(jolokia.exec(ALLOCATIONS, "topSites", 0), "n must be between 1 and 10000, got 0");
        expectRefused(jolokia.exec(ALLOCATIONS, "foldedStacks", -5), "maxLines must be between 1 and 100000, got -5");
        expectRefused(jolokia.write(ALLOCATIONS, "SamplingIntervalBytes", -1),
                "SamplingIntervalBytes: -1 is out of range; accepted: 1024 (1 KiB) to 1073741824 (1 GiB)");
        expectRefused(jolokia.write(ALLOCATIONS, "Mode", "FOO"),
                "Invalid value 'FOO' for Mode: expected one of EXACT, SAMPLED, OFF");
        assertThat(read("Mode")).isEqualTo("EXACT");
        assertThat(read("SamplingIntervalBytes")).isEqualTo(16_384L);
    }

    @Test
    @Order(8)
    void modeSwitchesAtRunTime() {
        assertThat(jolokia.write(ALLOCATIONS, "Mode", "SAMPLED").status()).isEqualTo(200);
        assertThat(read("Mode")).isEqualTo("SAMPLED");
        Eventually.await(() -> rows(read("TopSites")), rows -> rows.stream()
                .anyMatch(r -> r.get("site").equals(site("steady")) && r.get("estimated").equals(true)),
                "the steady site estimated");
        assertThat(read("Estimated")).isEqualTo(true);

        assertThat(jolokia.write(ALLOCATIONS, "Mode", "OFF").status()).isEqualTo(200);
        assertThat(read("Mode")).isEqualTo("OFF");
        long trackedOff = settled("TrackedAllocationCount");
        long totalOff = (Long) read("TotalAllocatedBytes");
        long later = Eventually.await(() -> (Long) read("TotalAllocatedBytes"), t -> t > totalOff + (1 << 20),
                "the application allocating on");
        assertThat(later).isGreaterThan(totalOff);
        assertThat(read("TrackedAllocationCount")).as("nothing recorded while OFF").isEqualTo(trackedOff);

        assertThat(jolokia.write(ALLOCATIONS, "Mode", "EXACT").status()).isEqualTo(200);
        Eventually.await(() -> (Long) read("TrackedAllocationCount"), c -> c > trackedOff, "recording again");
    }

    @Test
    @Order(9)
    void resetStartsAfresh() {
        long since = (Long) read("SinceMillis");
        long tracked = (Long) read("TrackedAllocationCount");
        assertThat(tracked).isGreaterThan(9L * ROUNDS);
        assertThat(exec("reset")).isNull();
        assertThat((Long) read("SinceMillis")).isGreaterThan(since);
        // The forms ran once, before the reset: their sites are gone; the steady worker starts from zero.
        List<Map<String, Object>> sites = Eventually.await(() -> rows(exec("topSites", 10_000)),
                rows -> rows.stream().anyMatch(r -> r.get("site").equals(site("steady"))), "the steady site again");
        assertThat(sites).noneMatch(r -> r.get("site").equals(site("intArray")));
        assertThat((Long) read("TrackedAllocationCount")).isLessThan(tracked);
    }

    // ---------------------------------------------------------------- helpers

    private static Object read(String attribute) {
        JolokiaClient.Response r = jolokia.read(ALLOCATIONS, attribute);
        assertThat(r.status()).as("read %s: %s", attribute, r.body()).isEqualTo(200);
        return r.value();
    }

    private static Object exec(String operation, Object... arguments) {
        JolokiaClient.Response r = jolokia.exec(ALLOCATIONS, operation, arguments);
        assertThat(r.status()).as("exec %s: %s", operation, r.body()).isEqualTo(200);
        return r.value();
    }

    /** Reads an attribute until two reads a snapshot apart agree (only for figures that stop growing). */
    private static long settled(String attribute) {
        long previous = -1;
        long now = (Long) read(attribute);
        while (now != previous) {
            Eventually.pause(1200);
            previous = now;
            now = (Long) read(attribute);
        }
        return now;
    }

    private static void expectRefused(JolokiaClient.Response r, String message) {
        assertThat(r.status()).as(r.body()).isNotEqualTo(200);
        assertThat(r.error()).as(r.body()).contains(message);
        assertThat(r.json()).as("no stack trace in %s", r.body()).doesNotContainKey("stacktrace");
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("at java.");
    }

    private static String site(String form) {
        return AllocationSites.of(form);
    }

    private static void expectSite(List<Map<String, Object>> sites, String form, String type, long count) {
        assertThat(count(sites, site(form), type)).as("%s %s in %s", form, type, sites).isEqualTo(count);
    }

    /** Sum of counts of the rows matching site (if given) and type. */
    private static long count(List<Map<String, Object>> rows, String site, String type) {
        return rows.stream().filter(r -> (site == null || site.equals(r.get("site"))) && type.equals(r.get("type")))
                .mapToLong(r -> number(r, "count")).sum();
    }

    /** The rows of a table indexed by rank, in rank order (Jolokia writes them as a map keyed by rank). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object tabular) {
        assertThat(tabular).isInstanceOf(Map.class);
        List<Map<String, Object>> rows = new ArrayList<>(((Map<String, Map<String, Object>>) tabular).values());
        rows.sort(java.util.Comparator.comparingLong(r -> number(r, "rank")));
        return rows;
    }

    private static long number(Map<String, Object> row, String key) {
        assertThat(row).containsKey(key);
        return ((Number) row.get(key)).longValue();
    }

    private static long field(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", key, json).isTrue();
        return Long.parseLong(m.group(1));
    }

}

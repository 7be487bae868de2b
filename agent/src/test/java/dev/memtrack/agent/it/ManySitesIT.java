package dev.memtrack.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.agent.testing.ChildJvm;
import dev.memtrack.agent.testing.ClassHistogram;
import dev.memtrack.agent.testing.ConnectedJvm;
import dev.memtrack.agent.testing.Eventually;
import dev.memtrack.agent.testing.TestJdk;
import dev.memtrack.agent.testing.apps.ManySites;
import dev.memtrack.agent.testing.apps.ManySitesApp;
import dev.memtrack.mbeans.AgentMXBean;
import dev.memtrack.mbeans.AllocationsMXBean;
import dev.memtrack.mbeans.SiteRow;
import dev.memtrack.mbeans.TypeRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 100,000 distinct allocation sites through the real agent jar, in EXACT mode with 1,000-row tables
 * ({@code alloc.maxSites=1000}). {@link ManySitesApp} generates 200 classes of 500 sites ({@code new
 * Object()} and {@code new byte[8]} on alternate lines), loads them in its own class loader (the agent
 * instruments them as they load), runs every site once and 50 heavy sites 1,000 to 1,980 times more, on a
 * thread that then ends. Over JMX (and the totals over Jolokia):
 * <ul>
 *   <li>the site table holds its configured rows and no more;</li>
 *   <li>every row keeps the Space-Saving bound ({@code bytes - errorBytes <= true bytes <= bytes},
 *       {@code errorBytes <= tracked bytes / rows}, the count likewise), and the heavy sites are the top rows;</li>
 *   <li>{@code TrackedAllocationCount} is the number of allocations the app made, the tracked bytes those
 *       counts times the sizes the JVM counts for the two kinds of objects, and tables and totals add up;</li>
 *   <li>the agent's memory does not grow with the number of distinct sites that allocate: the same
 *       100,000 sites instrumented, with 10,000 of them run instead of all, leave the same live heap
 *       (a class histogram after a full GC); and the site registry, which grows with the instrumented
 *       code by design, costs a bounded number of bytes per instrumented site (against a run with
 *       10,000 sites instrumented).</li>
 * </ul>
 */
class ManySitesIT {

    /** Rows of the site, type and stack tables ({@code alloc.maxSites}). */
    private static final int TABLE_ROWS = 1_000;
    private static final int HEAVY = 50;
    private static final int HEAVY_BASE = 1_000;
    private static final int HEAVY_STEP = 20;
    /** 100,000 sites instrumented, all run. */
    private static final ManySites LARGE = new ManySites(200, 500, 100_000, HEAVY, HEAVY_BASE, HEAVY_STEP);
    /** The same 100,000 sites instrumented, 10,000 of them run. */
    private static final ManySites LARGE_TENTH_RUN = new ManySites(200, 500, 10_000, HEAVY, HEAVY_BASE, HEAVY_STEP);
    /** 10,000 sites instrumented, all run. */
    private static final ManySites SMALL = new ManySites(20, 500, 10_000, HEAVY, HEAVY_BASE, HEAVY_STEP);

    /**
     * Live heap per distinct site run beyond 10,000, with the instrumented code the same. What may grow:
     * the registry's array of instance sizes, filled as object sites first allocate (4 bytes per site id,
     * doubling). A table entry per site, even hidden in JDK classes (a map node and a boxed key, 48
     * bytes), would cross it.
     */
    private static final long HEAP_BYTES_PER_SITE_RUN = 16;
    /**
     * Live heap per instrumented site beyond 10,000 (the registry: its records and their id tables).
     * Measured: 84-85 bytes; with hash maps of boxed ids it was about 183, which this limit refuses.
     */
    private static final long HEAP_BYTES_PER_SITE_INSTRUMENTED = 128;
    /** The site registry's per-site records, which grow with the instrumented code by design. */
    private static final Set<String> REGISTRY_RECORDS = Set.of(
            "dev.memtrack.agent.alloc.site.Site", "dev.memtrack.agent.alloc.site.CodeLocation");
    /** Ample for the tracker's once-a-second housekeeping to fold an ended thread's counts in. */
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Pattern SIZES = Pattern.compile("many-sites sizes byte\\[]=(\\d+) java\\.lang\\.Object=(\\d+)");

    private static SitesRun small;
    private static SitesRun largeTenthRun;
    private static SitesRun large;

    @BeforeAll
    static void runThem() throws Exception {
        // One child JVM at a time; only the last stays up, for the Jolokia check of the totals.
        try (SitesRun run = SitesRun.start(SMALL)) {
            small = run;
        }
        try (SitesRun run = SitesRun.start(LARGE_TENTH_RUN)) {
            largeTenthRun = run;
        }
        large = SitesRun.start(LARGE);
    }

    @AfterAll
    static void stop() {
        if (large != null) {
            large.close();
        }
    }

    @Test
    void theSiteTableHoldsItsConfiguredRowsAndNoMore() {
        for (SitesRun run : List.of(small, largeTenthRun, large)) {
            assertThat(run.sites).as("%s: rows of topSites(10000)", run).hasSize(TABLE_ROWS);
            assertThat(run.sites).as("%s: evictions happened", run).anyMatch(r -> r.errorBytes() > 0);
        }
        assertThat(large.allocations.getTopSites().size()).as("rows of the TopSites attribute").isEqualTo(100);
    }

    @Test
    void everyRowKeepsItsErrorBoundAndTheHeavySitesAreOnTop() {
        for (SitesRun run : List.of(small, largeTenthRun, large)) {
            ManySites plan = run.plan;
            Map<String, Integer> siteNumbers = new HashMap<>();
            for (int site = 0; site < plan.sites(); site++) {
                siteNumbers.put(plan.siteName(site), site);
            }
            long bound = run.trackedBytes / TABLE_ROWS;
            for (SiteRow row : run.sites) {
                Integer site = siteNumbers.get(row.site());
                assertThat(site).as("%s: a generated site: %s", run, row).isNotNull();
                assertThat(row.type()).as("%s: %s", run, row).isEqualTo(plan.type(site));
                assertThat(row.estimated()).as("EXACT: %s", row).isFalse();
                long trueCount = plan.runs(site);
                long trueBytes = trueCount * run.size(row.type());
                assertThat(row.bytes()).as("%s: overcounts at most: %s (true %d bytes)", run, row, trueBytes)
                        .isGreaterThanOrEqualTo(trueBytes);
                assertThat(row.bytes() - row.errorBytes()).as("%s: within its error: %s (true %d bytes)", run, row,
                        trueBytes).isLessThanOrEqualTo(trueBytes);
                assertThat(row.errorBytes()).as("%s: error at most tracked bytes / rows: %s", run, row)
                        .isLessThanOrEqualTo(bound);
                assertThat(row.count()).as("%s: count of %s (true %d)", run, row, trueCount)
                        .isBetween(trueCount, trueCount + row.errorBytes() / run.smallestSize());
            }
            List<String> top = run.sites.subList(0, HEAVY).stream().map(SiteRow::site).toList();
            List<String> heavy = IntStream.range(0, HEAVY).mapToObj(k -> plan.siteName(plan.heavySite(k))).toList();
            assertThat(top).as("%s: the top rows are the heavy sites", run).containsExactlyInAnyOrderElementsOf(heavy);
            System.out.printf("[many-sites] %s: %,d rows, %,d with an error, the largest %,d bytes (bound: tracked "
                            + "bytes / rows = %,d); the heavy sites' rows: %d of %d with an error%n", run,
                    run.sites.size(), run.sites.stream().filter(r -> r.errorBytes() > 0).count(),
                    run.sites.stream().mapToLong(SiteRow::errorBytes).max().orElse(0), bound,
                    run.sites.subList(0, HEAVY).stream().filter(r -> r.errorBytes() > 0).count(), HEAVY);
        }
    }

    @Test
    void theTrackedCountIsExactAndTheTablesAndTotalsAddUp() {
        for (SitesRun run : List.of(small, largeTenthRun, large)) {
            assertThat(run.trackedCount).as("%s: TrackedAllocationCount", run)
                    .isEqualTo(run.plan.totalAllocations()).isEqualTo(run.appCount);
            assertThat(run.trackedBytes).as("%s: TrackedAllocatedBytes", run).isEqualTo(run.plannedBytes);
            assertThat(run.sites.stream().mapToLong(SiteRow::count).sum()).as("%s: site rows' counts", run)
                    .isEqualTo(run.trackedCount);
            assertThat(run.sites.stream().mapToLong(SiteRow::bytes).sum()).as("%s: site rows' bytes", run)
                    .isEqualTo(run.trackedBytes);
            assertThat(run.types).extracting(TypeRow::type).containsExactlyInAnyOrder("byte[]", "java.lang.Object");
            assertThat(run.types.stream().mapToLong(TypeRow::count).sum()).as("%s: type rows' counts", run)
                    .isEqualTo(run.trackedCount);
            assertThat(run.types.stream().mapToLong(TypeRow::bytes).sum()).as("%s: type rows' bytes", run)
                    .isEqualTo(run.trackedBytes);
            assertThat(run.failures).as("%s: instrumentation failures", run).isZero();
        }
        assertThat(AllocationTotals.addUp(large.jvm.jolokia()))
                .as("TotalAllocatedBytes = TrackedAllocatedBytes + UnattributedBytes").isTrue();
    }

    /**
     * Class histograms (after a full GC) of the three runs. The same 100,000 sites instrumented, 100,000
     * distinct sites allocating leave the live heap where 10,000 left it, and so do the agent's own
     * objects: its tables do not grow with the sites. The registry's records, by design one per
     * instrumented site and location, grow with the instrumented code (the positive control that the
     * histogram sees per-site objects), at a bounded cost per site.
     */
    @Test
    void theAgentsMemoryDoesNotGrowWithTheSitesThatAllocate() {
        Footprint tenthRun = new Footprint(largeTenthRun.histogram);
        Footprint allRun = new Footprint(large.histogram);
        Footprint smallCode = new Footprint(small.histogram);
        int moreSitesRun = LARGE.runSites() - LARGE_TENTH_RUN.runSites();
        int moreSitesInstrumented = LARGE.sites() - SMALL.sites();
        long perSiteRun = (allRun.liveHeap - tenthRun.liveHeap) / moreSitesRun;
        long perSiteInstrumented = (tenthRun.liveHeap - smallCode.liveHeap) / moreSitesInstrumented;
        System.out.printf("[many-sites] %s: 100,000 sites instrumented, 10,000 -> 100,000 run: live heap %,d -> %,d "
                        + "bytes (%+,d bytes per added site run); memtrack's objects (registry records aside) %,d -> %,d "
                        + "bytes; table entries %,d -> %,d; site rows %,d -> %,d%n",
                TestJdk.label(), tenthRun.liveHeap, allRun.liveHeap, perSiteRun, tenthRun.agent.bytes(),
                allRun.agent.bytes(), tenthRun.entries, allRun.entries, tenthRun.siteRows, allRun.siteRows);
        List<String> grownWithSitesRun = large.histogram.largestGrowthSince(largeTenthRun.histogram, 8);
        List<String> grownWithCode = largeTenthRun.histogram.largestGrowthSince(small.histogram, 8);
        System.out.println("[many-sites] " + TestJdk.label() + ": grew most with the sites run: " + grownWithSitesRun);
        System.out.println("[many-sites] " + TestJdk.label() + ": grew most with the code: " + grownWithCode);
        System.out.printf("[many-sites] %s: 10,000 -> 100,000 sites instrumented (10,000 run): live heap %,d -> %,d "
                        + "bytes (%,d bytes per added site instrumented); registry records %,d -> %,d%n",
                TestJdk.label(), smallCode.liveHeap, tenthRun.liveHeap, perSiteInstrumented,
                smallCode.registry.instances(), tenthRun.registry.instances());

        for (Footprint f : List.of(smallCode, tenthRun, allRun)) {
            assertThat(f.entries).as("entries of the site and stack tables").isPositive()
                    .isLessThanOrEqualTo(2L * TABLE_ROWS);
            assertThat(f.siteRows).as("site rows of the cached snapshot").isPositive()
                    .isLessThanOrEqualTo(TABLE_ROWS);
        }
        assertThat(allRun.agent.bytes()).as("bytes of memtrack's objects, registry records aside, with 100,000 "
                + "distinct sites run against 10,000; grew most: %s", grownWithSitesRun)
                .isLessThanOrEqualTo(tenthRun.agent.bytes() + 64 * 1024);
        assertThat(perSiteRun).as("live heap per added distinct site run (same instrumented code); grew most: %s",
                grownWithSitesRun).isLessThanOrEqualTo(HEAP_BYTES_PER_SITE_RUN);
        assertThat(tenthRun.registry.instances() - smallCode.registry.instances())
                .as("the registry's records grow with the instrumented sites (the histogram sees per-site objects)")
                .isGreaterThanOrEqualTo(2L * moreSitesInstrumented);
        assertThat(perSiteInstrumented).as("live heap per added instrumented site (the registry); grew most: %s",
                        grownWithCode)
                .isLessThanOrEqualTo(HEAP_BYTES_PER_SITE_INSTRUMENTED);
    }

    /** What a class histogram says of the live heap and the agent's objects in it. */
    private static final class Footprint {
        /** Bytes of the objects in the histogram, the JVM's filler arrays (free space, JDK 19 and later) aside. */
        final long liveHeap;
        /** memtrack's own objects (shallow), the registry's records aside. */
        final ClassHistogram.Totals agent;
        final ClassHistogram.Totals registry;
        final long entries;
        final long siteRows;

        Footprint(ClassHistogram h) {
            liveHeap = h.totalBytes() - h.totals(c -> elementClass(c).startsWith("jdk.internal.vm.Filler")).bytes();
            registry = h.totals(c -> REGISTRY_RECORDS.contains(elementClass(c)));
            agent = h.totals(c -> isMemtracks(elementClass(c)) && !REGISTRY_RECORDS.contains(elementClass(c)));
            entries = h.totals(c -> c.equals("dev.memtrack.agent.alloc.table.SpaceSaving$Entry")).instances();
            siteRows = h.totals(c -> c.equals(SiteRow.class.getName())).instances();
        }

        /** {@code com.acme.Row} for {@code com.acme.Row} and for {@code [[Lcom.acme.Row;}. */
        private static String elementClass(String histogramName) {
            return histogramName.replaceFirst("^\\[+L(.*);$", "$1");
        }

        /**
         * The agent's classes and the contract's; not the app's, which the test classes hold. (The libraries
         * the agent carries are left out: OSHI's caches come and go by tens of kilobytes.)
         */
        private static boolean isMemtracks(String className) {
            return className.startsWith("dev.memtrack.")
                    && !className.startsWith("dev.memtrack.agent.testing.")
                    && !className.startsWith("dev.memtrack.agent.alloc.GeneratedClasses");
        }
    }

    /** One child JVM that ran a plan, and what was read from it once every allocation was in. */
    private static final class SitesRun implements AutoCloseable {
        final ManySites plan;
        final ConnectedJvm jvm;
        final AllocationsMXBean allocations;
        final long byteArraySize;
        final long objectSize;
        final long appCount;
        final long plannedBytes;
        final List<SiteRow> sites;
        final long trackedCount;
        final long trackedBytes;
        final List<TypeRow> types;
        final int failures;
        final ClassHistogram histogram;

        private SitesRun(ManySites plan, ConnectedJvm jvm) throws Exception {
            this.plan = plan;
            this.jvm = jvm;
            ChildJvm app = jvm.jvm();
            Matcher sizes = SIZES.matcher(app.awaitStdout("many-sites sizes"));
            assertThat(sizes.find()).isTrue();
            byteArraySize = Long.parseLong(sizes.group(1));
            objectSize = Long.parseLong(sizes.group(2));
            String done = app.awaitStdout("many-sites done");
            appCount = Long.parseLong(done.replaceAll(".*allocations=(\\d+).*", "$1"));
            plannedBytes = plannedBytes();
            // Plain MBean proxies: an MXBean proxy cannot map TabularData back; these return what JMX sends.
            allocations = JMX.newMBeanProxy(jvm.jmx().server(), new ObjectName(AllocationsMXBean.OBJECT_NAME),
                    AllocationsMXBean.class);
            AgentMXBean agent = JMX.newMBeanProxy(jvm.jmx().server(), new ObjectName(AgentMXBean.OBJECT_NAME),
                    AgentMXBean.class);
            sites = settledSites();
            sites.sort(Comparator.comparingInt(SiteRow::rank));
            trackedCount = allocations.getTrackedAllocationCount();
            trackedBytes = allocations.getTrackedAllocatedBytes();
            types = AllocationsMXBean.TYPE_TABLE.fromTabularData(allocations.topTypes(10_000));
            failures = agent.getInstrumentationFailures().size();
            histogram = ClassHistogram.read(jvm.jmx().server());
            System.out.println("[many-sites] " + this + ": "
                    + app.stdout().lines().filter(l -> l.startsWith("many-sites")).toList());
        }

        static SitesRun start(ManySites plan) throws Exception {
            ConnectedJvm jvm = ConnectedJvm.start(ChildJvm.withAgent("jolokia.port=0,alloc=exact,alloc.maxSites="
                            + TABLE_ROWS + ",alloc.include=dev.memtrack.agent.alloc.generated.*")
                    .name("ManySitesApp-" + plan.sites() + "-" + plan.runSites())
                    .jvmArgs("-Xmx256m")
                    .classpath(byteBuddyJar())
                    .main(ManySitesApp.class, plan.args()));
            try {
                return new SitesRun(plan, jvm);
            } catch (Exception | Error e) {
                jvm.close();
                throw e;
            }
        }

        /**
         * The site table once it holds every allocation of the app: the worker thread has ended, and within
         * a second or two the tracker folds its buffer into the table (until then its sites show with the
         * table's minimum added as their error). After {@link #SETTLE}, the table as it is, for the tests to
         * judge: a broken table never settles, and its tests should say what is wrong with it.
         */
        private List<SiteRow> settledSites() {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            SiteTable table = new SiteTable(allocations);
            while (!(table.count() == plan.totalAllocations() && table.bytes() == plannedBytes)
                    && System.nanoTime() < deadline) {
                Eventually.pause(200);
                table = new SiteTable(allocations);
            }
            return table.rows();
        }

        /** What the app's allocations weigh by the JVM's sizes. */
        private long plannedBytes() {
            long bytes = 0;
            for (int site = 0; site < plan.runSites(); site++) {
                bytes += plan.runs(site) * size(plan.type(site));
            }
            return bytes;
        }

        long size(String type) {
            return type.equals("byte[]") ? byteArraySize : objectSize;
        }

        long smallestSize() {
            return Math.min(byteArraySize, objectSize);
        }

        @Override
        public void close() {
            jvm.close();
        }

        @Override
        public String toString() {
            return String.format("%s, %,d sites instrumented, %,d run", TestJdk.label(), plan.sites(), plan.runSites());
        }
    }

    /** The rows of {@code topSites(10000)}. */
    private record SiteTable(List<SiteRow> rows) {

        SiteTable(AllocationsMXBean allocations) {
            this(AllocationsMXBean.SITE_TABLE.fromTabularData(allocations.topSites(10_000)));
        }

        long count() {
            return rows.stream().mapToLong(SiteRow::count).sum();
        }

        long bytes() {
            return rows.stream().mapToLong(SiteRow::bytes).sum();
        }
    }

    /** Byte Buddy's jar (its ASM generates the app's classes), as the test's own class path has it. */
    private static Path byteBuddyJar() throws Exception {
        return Path.of(net.bytebuddy.jar.asm.ClassWriter.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
    }
}

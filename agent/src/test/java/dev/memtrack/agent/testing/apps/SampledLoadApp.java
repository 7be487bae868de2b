package dev.memtrack.agent.testing.apps;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Allocation at volume for SAMPLED mode under the real agent. Three cases, each on {@value #THREADS}
 * threads of its own allocating {@value #BYTES_PER_CASE} bytes in all: {@code small} (24-40 byte
 * objects), {@code large} (64 KiB arrays) and {@code mixed} (sizes from 16 B to 32 KiB). Each thread
 * reads the JVM's counter for itself before and after; what the tracker allocated itself meanwhile is
 * read from the JSON Lines log (argument: its path). The app then reads memtrack's site table and
 * prints per case
 *
 * <pre>case &lt;name&gt; jvmBytes=&lt;b&gt; ownBytes=&lt;b&gt; estimatedBytes=&lt;b&gt; estimated=&lt;true|false&gt;</pre>
 *
 * and {@code cases done}; then {@value #THREADS} threads allocate mixed sizes until the JVM ends
 * ({@code load running}), for tests that change the mode under load.
 */
public final class SampledLoadApp {

    public static final int THREADS = 4;
    public static final long BYTES_PER_CASE = 256L << 20;
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Pattern OWN_BYTES = Pattern.compile("\"agentOwnBytes\":(\\d+)");
    static volatile Object sink;

    private SampledLoadApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        ObjectName allocations = new ObjectName("memtrack:type=Allocations");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        AgentReady.await();
        Path log = Path.of(args[0]);
        Map<String, Consumer<Long>> cases = new LinkedHashMap<>();
        cases.put("small", SampledLoadApp::small);
        cases.put("large", SampledLoadApp::large);
        cases.put("mixed", SampledLoadApp::mixed);
        Map<String, long[]> jvmAndOwnBytes = new LinkedHashMap<>();
        settle(server, allocations);
        long own = agentOwnBytes(log);
        for (Map.Entry<String, Consumer<Long>> c : cases.entrySet()) {
            long jvm = runCase(c.getKey(), c.getValue());
            settle(server, allocations);
            long ownNow = agentOwnBytes(log);
            jvmAndOwnBytes.put(c.getKey(), new long[] {jvm, ownNow - own});
            own = ownNow;
        }
        Map<String, long[]> estimated = estimates(server, allocations);
        for (Map.Entry<String, long[]> c : jvmAndOwnBytes.entrySet()) {
            long[] e = estimated.getOrDefault(c.getKey(), new long[2]);
            System.out.println("case " + c.getKey() + " jvmBytes=" + c.getValue()[0] + " ownBytes=" + c.getValue()[1]
                    + " estimatedBytes=" + e[0] + " estimated=" + (e[1] > 0));
        }
        System.out.println("cases done");
        for (int t = 0; t < THREADS; t++) {
            Thread load = new Thread(() -> {
                while (true) {
                    mixed(1 << 20);
                }
            }, "load-" + t);
            load.setDaemon(true);
            load.start();
        }
        System.out.println("load running");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Runs a case on {@link #THREADS} threads; the bytes the JVM counted for them while they allocated. */
    private static long runCase(String name, Consumer<Long> allocate) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                long before = MX.getCurrentThreadAllocatedBytes();
                allocate.accept(BYTES_PER_CASE / THREADS);
                total.addAndGet(MX.getCurrentThreadAllocatedBytes() - before);
            }, name + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return total.get();
    }

    private static void small(long bytes) {
        for (long done = 0; done < bytes; ) {
            Object o = new byte[8 + (int) (done & 15)]; // site: small
            sink = o;
            done += 24 + (done & 15 & ~7);
        }
    }

    private static void large(long bytes) {
        for (long done = 0; done < bytes; done += (64 << 10) + 16) {
            sink = new byte[64 << 10]; // site: large
        }
    }

    private static void mixed(long bytes) {
        long seed = Thread.currentThread().getId();
        for (long done = 0; done < bytes; ) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int length = (int) ((seed >>> 33) % 4 == 0 ? (seed >>> 40) % (32 << 10) : (seed >>> 40) % 64);
            sink = new byte[length]; // site: mixed
            done += length + 16;
        }
    }

    /** Returns once two snapshots a second apart agree: the tables hold every allocation made before. */
    private static void settle(MBeanServer server, ObjectName allocations) throws Exception {
        long previous = -1;
        long now;
        while ((now = (Long) server.getAttribute(allocations, "TrackedAllocatedBytes")) != previous) {
            previous = now;
            Thread.sleep(1100);
        }
    }

    /**
     * What the tracker allocated itself (its stack samples above all), from the allocation section of
     * the JSON Lines log, written every 200 ms from the latest snapshot: a line written after a
     * {@link #settle}.
     */
    private static long agentOwnBytes(Path log) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            Thread.sleep(500);
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            Matcher m = OWN_BYTES.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalStateException("no agentOwnBytes in the last line of " + log);
    }

    /** Case → {estimated bytes, 1 if marked estimated}. */
    private static Map<String, long[]> estimates(MBeanServer server, ObjectName allocations) throws Exception {
        TabularData table = (TabularData) server.invoke(allocations, "topSites", new Object[] {10_000},
                new String[] {"int"});
        Map<String, long[]> byCase = new LinkedHashMap<>();
        String prefix = SampledLoadApp.class.getName() + ".";
        for (Object row : table.values()) {
            CompositeData r = (CompositeData) row;
            String site = (String) r.get("site");
            if (site.startsWith(prefix)) {
                String method = site.substring(prefix.length(), site.indexOf('('));
                long[] e = byCase.computeIfAbsent(method, k -> new long[2]);
                e[0] += (Long) r.get("bytes");
                e[1] |= Boolean.TRUE.equals(r.get("estimated")) ? 1 : 0;
            }
        }
        return byCase;
    }
}

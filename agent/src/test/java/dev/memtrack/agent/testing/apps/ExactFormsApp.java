package dev.memtrack.agent.testing.apps;

import dev.memtrack.agent.alloc.workload.AllocationForms;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Runs the allocation forms of {@link AllocationForms} under the real agent in EXACT mode and prints,
 * per form, what the JVM counted for it and what memtrack attributed to its sites over the same runs:
 *
 * <pre>form &lt;name&gt; round=&lt;r&gt; runs=&lt;n&gt; jvmBytes=&lt;b&gt; trackedBytes=&lt;b&gt; trackedCount=&lt;c&gt;</pre>
 *
 * One thread runs every form a few hundred times first, so that what the tracker allocates once per
 * thread, site and class is behind it; then memtrack's site table is read (through the platform MBean
 * server, as any JMX client would), every form runs {@link #RUNS} more times on that thread with the
 * JVM's per-thread counter read around each statement, and the table is read again; {@link #ROUNDS}
 * such rounds. Each table read
 * waits until two snapshots a second apart agree, so it holds every allocation made before it.
 */
public final class ExactFormsApp {

    public static final int WARMUP_RUNS = 300;
    public static final int RUNS = 200;
    /** Measured rounds of {@link #RUNS} runs each. */
    public static final int ROUNDS = 3;
    /** Forms whose allocation happens in a method of a nested class of {@link AllocationForms}. */
    private static final Map<String, String> ALSO_IN = Map.of(
            "cloneWithOverride", "$Sheep.clone(",
            "cloneWithoutOverride", "$Dolly.twin(");

    private ExactFormsApp() {
    }

    public static void main(String[] args) throws Exception {
        StdinWatchdog.start();
        awaitTracker();
        List<String> forms = List.of(args);
        AllocationForms workload = new AllocationForms();
        Map<String, Long> jvmBytes = new LinkedHashMap<>();
        Semaphore go = new Semaphore(0);
        Semaphore done = new Semaphore(0);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < WARMUP_RUNS; i++) {
                forms.forEach(workload::applyAsLong);
            }
            done.release();
            for (int round = 0; round < ROUNDS; round++) {
                go.acquireUninterruptibly();
                forms.forEach(form -> jvmBytes.put(form, 0L));
                for (int i = 0; i < RUNS; i++) {
                    for (String form : forms) {
                        jvmBytes.merge(form, workload.applyAsLong(form), Long::sum);
                    }
                }
                done.release();
            }
        }, "exact-forms");
        worker.start();
        done.acquire();
        Map<String, long[]> before = settledSites();
        for (int round = 0; round < ROUNDS; round++) {
            go.release();
            done.acquire();
            Map<String, long[]> after = settledSites();
            for (String form : forms) {
                long bytes = 0;
                long count = 0;
                for (Map.Entry<String, long[]> e : after.entrySet()) {
                    if (belongsTo(e.getKey(), form)) {
                        long[] b = before.getOrDefault(e.getKey(), new long[2]);
                        count += e.getValue()[0] - b[0];
                        bytes += e.getValue()[1] - b[1];
                    }
                }
                System.out.println("form " + form + " round=" + round + " runs=" + RUNS + " jvmBytes="
                        + jvmBytes.get(form) + " trackedBytes=" + bytes + " trackedCount=" + count);
            }
            before = after;
        }
        System.out.println("exact-forms done");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static boolean belongsTo(String siteAndType, String form) {
        String site = siteAndType.substring(0, siteAndType.indexOf(' '));
        String prefix = AllocationForms.class.getName();
        return site.startsWith(prefix + "." + form + "(")
                || (ALSO_IN.containsKey(form) && site.startsWith(prefix + ALSO_IN.get(form)));
    }

    private static void awaitTracker() throws Exception {
        ObjectName allocations = new ObjectName("memtrack:type=Allocations");
        while (!ManagementFactory.getPlatformMBeanServer().isRegistered(allocations)) {
            Thread.sleep(10);
        }
    }

    /** {@code site type} → {count, bytes}, once two snapshots a second apart agree. */
    private static Map<String, long[]> settledSites() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName allocations = new ObjectName("memtrack:type=Allocations");
        long previous = -1;
        while (true) {
            long now = (Long) server.getAttribute(allocations, "TrackedAllocationCount");
            if (now == previous) {
                break;
            }
            previous = now;
            Thread.sleep(1100);
        }
        TabularData table = (TabularData) server.invoke(
                allocations, "topSites", new Object[] {10_000}, new String[] {"int"});
        Map<String, long[]> sites = new LinkedHashMap<>();
        for (Object row : table.values()) {
            CompositeData r = (CompositeData) row;
            sites.put(r.get("site") + " " + r.get("type"), new long[] {(Long) r.get("count"), (Long) r.get("bytes")});
        }
        return sites;
    }
}

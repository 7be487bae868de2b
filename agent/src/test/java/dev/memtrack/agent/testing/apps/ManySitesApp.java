package dev.memtrack.agent.testing.apps;

import dev.memtrack.agent.alloc.GeneratedClasses;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;

/**
 * A test application with a great many distinct allocation sites: it generates the classes of a
 * {@link ManySites} plan with ASM (Byte Buddy's copy on the application's class path), loads them in its
 * own class loader (so the agent instruments them as they load), runs the plan's sites once and the heavy
 * sites their extra times on one thread, which then ends, and prints
 * <pre>
 * many-sites sizes byte[]=&lt;bytes&gt; java.lang.Object=&lt;bytes&gt;
 * many-sites loaded classes=&lt;n&gt; sites=&lt;n&gt; millis=&lt;ms&gt;
 * many-sites done allocations=&lt;n&gt; millis=&lt;ms&gt;
 * </pre>
 * The sizes are the JVM's own count (per-thread allocated bytes) for each kind of object, measured in
 * code the agent does not instrument. Then it waits until its stdin closes.
 */
public final class ManySitesApp {

    public static final String WORKER_THREAD = "many-sites";
    private static final int SIZE_PROBES = 10_000;

    private ManySitesApp() {
    }

    public static void main(String[] args) throws Throwable {
        StdinWatchdog.start();
        ManySites plan = ManySites.of(args);
        AgentReady.await();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("many-sites sizes byte[]=" + jvmSize(threads, () -> new byte[8])
                + " java.lang.Object=" + jvmSize(threads, Object::new));

        long start = System.nanoTime();
        GeneratedClasses loader = new GeneratedClasses();
        MethodHandle[] run = new MethodHandle[plan.classes()];
        MethodType type = MethodType.methodType(Object.class, int.class);
        for (int c = 0; c < plan.classes(); c++) {
            String name = plan.className(c);
            Class<?> loaded = loader.define(name, GeneratedClasses.manySites(name, plan.sitesPerClass(),
                    ManySites::newObjectAt));
            run[c] = GeneratedClasses.run(loaded, type);
        }
        System.out.println("many-sites loaded classes=" + plan.classes() + " sites=" + plan.sites() + " millis="
                + millisSince(start));

        start = System.nanoTime();
        long[] made = new long[1];
        Thread worker = new Thread(() -> made[0] = runSites(plan, run), WORKER_THREAD);
        worker.start();
        worker.join();
        System.out.println("many-sites done allocations=" + made[0] + " millis=" + millisSince(start));
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Every site to run once, then the heavy ones their extra times; returns the number of allocations. */
    private static long runSites(ManySites plan, MethodHandle[] run) {
        long made = 0;
        try {
            for (int site = 0; site < plan.runSites(); site++) {
                Object o = (Object) run[site / plan.sitesPerClass()].invokeExact(site % plan.sitesPerClass());
                made++;
            }
            for (int k = 0; k < plan.heavySites(); k++) {
                int site = plan.heavySite(k);
                MethodHandle m = run[site / plan.sitesPerClass()];
                int line = site % plan.sitesPerClass();
                for (long i = 0; i < plan.heavyExtra(k); i++) {
                    Object o = (Object) m.invokeExact(line);
                    made++;
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return made;
    }

    /** Bytes the JVM counts for one object made by {@code make}, kept alive so that none is optimized away. */
    private static long jvmSize(com.sun.management.ThreadMXBean threads, java.util.function.Supplier<Object> make) {
        Object[] keep = new Object[SIZE_PROBES];
        threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < keep.length; i++) {
            keep[i] = make.get();
        }
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        return bytes / keep.length;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

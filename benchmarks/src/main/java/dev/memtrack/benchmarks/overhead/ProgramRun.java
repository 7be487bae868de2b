package dev.memtrack.benchmarks.overhead;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The child JVM of the overhead harness: runs one {@link Workload} once cold, then repeatedly warm, and
 * prints one line,
 *
 * <pre>RESULT cpuMs=.. workCpuMs=.. workMs=.. warmCpuMs=.. warmMs=.. uptimeMs=.. jvmBytes=.. countedBytes=.. referenceBytes=.. mode=..</pre>
 *
 * with the process's CPU time and the JVM's uptime when the work is done (start-up included), the
 * process's CPU time and the wall time of the work alone (every thread: JIT compilers and GC too),
 * then, after repeating the same work for {@code warm seconds}, the process's CPU and wall time per run
 * over {@code warm seconds} more of it ({@code warmCpuMs}, {@code warmMs}; -1 for 0 seconds): what a
 * program pays once its classes are loaded and transformed and its code compiled,
 * the bytes the JVM counted for all threads since it started, and what the allocation tracker in
 * this JVM counted ({@code countedBytes}) against what the JVM counted over the same span
 * ({@code referenceBytes}): memtrack's {@code TrackedAllocatedBytes} and {@code TotalAllocatedBytes}
 * (JVM counters since the tracker started), or the instrumenter's sum against the JVM's count since the
 * sampler was registered; -1 without a tracker.
 *
 * <pre>java [agent] -cp benchmarks/target/classes:&lt;program jars&gt; dev.memtrack.benchmarks.overhead.ProgramRun \
 *      &lt;workload class&gt; &lt;work dir&gt; &lt;input or -&gt; &lt;none|memtrack|instrumenter&gt; &lt;warm seconds&gt;</pre>
 */
public final class ProgramRun {

    private static final String ALLOCATIONS = "memtrack:type=Allocations";

    private ProgramRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("expected <workload class> <work dir> <input or -> "
                    + "<none|memtrack|instrumenter> <warm seconds>, got " + args.length + " arguments");
        }
        String counter = args[3];
        int warmSeconds = Integer.parseInt(args[4]);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long windowStart = 0;
        if (counter.equals("instrumenter")) {
            Class.forName("dev.memtrack.benchmarks.overhead.InstrumenterCounter").getMethod("register").invoke(null);
            windowStart = threads.getTotalThreadAllocatedBytes();
        }
        if (counter.equals("memtrack")) {
            awaitMemtrack();
        }
        Workload workload = (Workload) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Path input = args[2].equals("-") ? null : Path.of(args[2]);

        long started = System.nanoTime();
        long cpuAtStart = os.getProcessCpuTime();
        workload.run(Path.of(args[1]), input);
        long workNanos = System.nanoTime() - started;
        long cpuNanos = os.getProcessCpuTime();
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        long jvmBytes = threads.getTotalThreadAllocatedBytes();
        Warm warm = runWarm(workload, Path.of(args[1]), input, warmSeconds, os);

        long counted = -1;
        long reference = -1;
        String mode = "-";
        if (counter.equals("instrumenter")) {
            counted = (Long) Class.forName("dev.memtrack.benchmarks.overhead.InstrumenterCounter").getMethod("bytes")
                    .invoke(null);
            reference = threads.getTotalThreadAllocatedBytes() - windowStart;
        } else if (counter.equals("memtrack")) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName allocations = new ObjectName(ALLOCATIONS);
            if (server.isRegistered(allocations)) {
                // Its figures are a snapshot at most a second old: let one be taken after the work.
                Thread.sleep(1100);
                counted = (Long) server.getAttribute(allocations, "TrackedAllocatedBytes");
                reference = (Long) server.getAttribute(allocations, "TotalAllocatedBytes");
                mode = String.valueOf(server.getAttribute(allocations, "Mode"));
            }
        }
        System.out.printf(Locale.ROOT, "RESULT cpuMs=%d workCpuMs=%d workMs=%d warmCpuMs=%d warmMs=%d uptimeMs=%d "
                        + "jvmBytes=%d countedBytes=%d referenceBytes=%d mode=%s%n", cpuNanos / 1_000_000,
                (cpuNanos - cpuAtStart) / 1_000_000, workNanos / 1_000_000, warm.cpuMillis, warm.wallMillis,
                uptimeMillis, jvmBytes, counted, reference, mode);
        // Library threads (Jetty's, Lucene's merges) must not keep this JVM alive; it is the harness's own.
        System.exit(0);
    }

    /** CPU and wall time per run over the measured runs; -1 for none. */
    private record Warm(long cpuMillis, long wallMillis) {
    }

    /**
     * Repeats the work for {@code seconds} to let class loading, transformation and the JIT settle,
     * then for {@code seconds} more, measured: whole runs, at least one each.
     */
    private static Warm runWarm(Workload workload, Path work, Path input, int seconds,
            com.sun.management.OperatingSystemMXBean os) throws Exception {
        if (seconds == 0) {
            return new Warm(-1, -1);
        }
        long span = seconds * 1_000_000_000L;
        long warmUpStart = System.nanoTime();
        do {
            workload.run(work, input);
        } while (System.nanoTime() - warmUpStart < span);
        long started = System.nanoTime();
        long cpuAtStart = os.getProcessCpuTime();
        int runs = 0;
        do {
            workload.run(work, input);
            runs++;
        } while (System.nanoTime() - started < span);
        return new Warm((os.getProcessCpuTime() - cpuAtStart) / 1_000_000 / runs,
                (System.nanoTime() - started) / 1_000_000 / runs);
    }

    /**
     * memtrack starts its subsystems on a daemon thread; a program that ran before allocation tracking
     * started would not be tracked at all. The wait is part of the process's CPU and wall time.
     */
    private static void awaitMemtrack() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!"ready".equals(System.getProperty("memtrack.agent.state")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}

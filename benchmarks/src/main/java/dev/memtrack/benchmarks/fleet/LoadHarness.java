package dev.memtrack.benchmarks.fleet;

import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.load.AttributeCatalog;
import dev.memtrack.agent.testing.load.LoadReport;
import dev.memtrack.agent.testing.load.LoadRun;
import dev.memtrack.agent.testing.load.LoadSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load on memtrack's Jolokia endpoint: N concurrent loopback clients for S seconds against the demo
 * workload under the agent, with a mix of Jolokia reads (single attributes of every memtrack MBean,
 * bulk requests of 10-20 reads, list, search, policy reads) and simulator operations (paging
 * compare, segmentation allocate/free, stress start/stop); the same engine as {@code LoadIT}.
 * Reports requests/s, errors and latency percentiles per kind of request (target: p99 of reads at
 * most 5 ms), and what the clients and the demo JVM spent, so that the clients' own cost on a small
 * machine can be told apart from the server's.
 *
 * <pre>
 * benchmarks/run-load.sh [seconds] [clients] [requests/s per client, 0 = as fast as possible]
 * java -cp ... dev.memtrack.benchmarks.fleet.LoadHarness --seconds 60 --clients 50 --rate 20 \
 *      [--agent-options policy=ENFORCE] [--demo-jvm-args "-XX:StartFlightRecording=..."] [--warmup 10]
 *      [--java /path/to/jdk] [--programs running|paused]
 * </pre>
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = HarnessOptions.parse(args, Map.of("seconds", "60", "clients", "50", "rate", "20",
                "warmup", "10", "agent-options", "", "seed", "1", "demo-jvm-args", "", "programs", "running"));
        boolean pausePrograms = switch (options.text("programs")) {
            case "running" -> false;
            case "paused" -> true;
            default -> throw new IllegalArgumentException("--programs must be running or paused, got '"
                    + options.text("programs") + "'");
        };
        options.configureTestSupport();
        String machine = HarnessOptions.machineLine();
        try (DemoJvm demo = DemoJvm.start(Duration.ofHours(2), options.text("agent-options"),
                options.words("demo-jvm-args"))) {
            if (pausePrograms) {
                pauseDemoPrograms(demo.jolokia());
            }
            AttributeCatalog catalog = AttributeCatalog.load(demo.jolokia());
            System.out.printf(Locale.ROOT, "demo pid %d, %d attributes of %d memtrack MBeans, Jolokia %s%n",
                    demo.pid(), catalog.attributes().size(), catalog.mbeanCount(), demo.jolokia().base());

            // What the demo spends without clients, so that the clients' cost on the server can be isolated.
            JvmGauges idleStart = JvmGauges.read(demo.jolokia());
            long idleNanos = System.nanoTime();
            Thread.sleep(5_000);
            double idleCpuShare = JvmGauges.read(demo.jolokia()).since(idleStart).cpuNanos()
                    / (double) (System.nanoTime() - idleNanos);

            int warmup = options.integer("warmup");
            if (warmup > 0) {
                LoadSettings warm = new LoadSettings(options.integer("clients"), Duration.ofSeconds(warmup),
                        options.decimal("rate"), true, options.integer("seed") + 1000L);
                LoadReport w = new LoadRun(demo.jolokia().base(), catalog, warm).run();
                System.out.println("warm-up: " + w.summary());
            }

            LoadSettings settings = new LoadSettings(options.integer("clients"),
                    Duration.ofSeconds(options.integer("seconds")), options.decimal("rate"), true,
                    options.integer("seed"));
            JvmGauges before = JvmGauges.read(demo.jolokia());
            LoadReport report = new LoadRun(demo.jolokia().base(), catalog, settings).run();
            JvmGauges spent = JvmGauges.read(demo.jolokia()).since(before);

            System.out.println();
            System.out.println("== load: " + machine + ", load average " + HarnessOptions.loadAverage()
                    + " at end, demo on " + options.text("java") + ", demo programs " + options.text("programs"));
            System.out.println(report.summary());
            double loadCpuShare = spent.cpuNanos() / (report.wallSeconds() * 1e9);
            System.out.printf(Locale.ROOT, "demo JVM (server): CPU %.0f%% of one core (%.0f%% without clients), "
                            + "%d GCs taking %d ms, %d threads; server CPU per request about %.0f us%n",
                    100 * loadCpuShare, 100 * idleCpuShare, spent.gcCount(), spent.gcMillis(), spent.threads(),
                    (loadCpuShare - idleCpuShare) * report.wallSeconds() * 1e6 / Math.max(1, report.requests()));
            System.out.println();
            System.out.print(report.table());
            if (!report.errorSamples().isEmpty()) {
                System.out.println("\nerrors (first " + report.errorSamples().size() + "):");
                report.errorSamples().forEach(e -> System.out.println("  " + e));
            }
            double readP99 = report.reads().percentileMillis(99);
            System.out.printf(Locale.ROOT, "%nreads p99 %.2f ms: target <= 5 ms %s; errors %d: target 0 %s%n", readP99,
                    readP99 <= 5 ? "met" : "MISSED", report.errors(), report.errors() == 0 ? "met" : "MISSED");
        }
    }

    /**
     * Pauses the demo's programs, so that the latency measured is memtrack's and Jolokia's own rather than
     * that of a JVM whose programs keep both cores busy.
     */
    private static void pauseDemoPrograms(JolokiaClient jolokia) {
        JolokiaClient.Response found = jolokia.post(Map.of("type", "search", "mbean", "memtrack:type=Workload,*"));
        if (found.status() != 200 || !(found.value() instanceof List<?> names) || names.isEmpty()) {
            throw new IllegalStateException("cannot find the demo's programs to pause: " + found.body());
        }
        for (Object name : names) {
            JolokiaClient.Response paused = jolokia.write(String.valueOf(name), "Paused", true);
            if (paused.status() != 200) {
                throw new IllegalStateException("cannot pause " + name + ": " + paused.body());
            }
        }
        System.out.println("paused " + names.size() + " demo programs: " + names);
    }
}

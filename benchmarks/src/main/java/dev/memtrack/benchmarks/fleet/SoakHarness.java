package dev.memtrack.benchmarks.fleet;

import dev.memtrack.agent.testing.AgentOptionProbe;
import dev.memtrack.agent.testing.DemoJvm;
import dev.memtrack.agent.testing.Jmx;
import dev.memtrack.agent.testing.JolokiaClient;
import dev.memtrack.agent.testing.load.AttributeCatalog;
import dev.memtrack.agent.testing.load.LoadRun;
import dev.memtrack.agent.testing.load.LoadSettings;
import dev.memtrack.agent.testing.soak.SoakReport;
import dev.memtrack.agent.testing.soak.SoakRun;
import dev.memtrack.agent.testing.soak.SoakSettings;
import dev.memtrack.agent.testing.soak.Trend;
import dev.memtrack.mbeans.AgentMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Soak: the demo workload with everything on (JSON Lines log, policy ENFORCE with the built-in rules,
 * allocation tracking when the agent has it, simulator activity from a few Jolokia clients) for M
 * minutes. Every S seconds it samples over JMX, after a full GC, the live heap, the instances and
 * bytes of the agent's own classes, and the threads by name; then fits a line through each and says
 * whether any rises beyond noise (slope minus two standard errors above zero), with the bound. The
 * same engine as {@code SoakIT}.
 *
 * <pre>
 * benchmarks/run-soak.sh [minutes]
 * java -cp ... dev.memtrack.benchmarks.fleet.SoakHarness --minutes 10 [--sample-seconds 10] [--warmup 90]
 *      [--clients 4] [--rate 5] [--java /path/to/jdk]
 * </pre>
 */
public final class SoakHarness {

    private SoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = HarnessOptions.parse(args, Map.of("minutes", "10", "sample-seconds", "10",
                "warmup", "90", "clients", "4", "rate", "5"));
        options.configureTestSupport();
        String machine = HarnessOptions.machineLine();
        Path work = Path.of(options.text("work")).toAbsolutePath();
        Files.createDirectories(work);
        Path log = work.resolve("soak.jsonl");
        try (Stream<Path> old = Files.list(work)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("soak.jsonl")).toList()) {
                Files.delete(p);
            }
        }
        boolean alloc = AgentOptionProbe.accepts("alloc=SAMPLED");
        String agentOptions = "policy=ENFORCE,log=" + log + (alloc ? ",alloc=SAMPLED" : "");
        Duration soak = Duration.ofMinutes(options.integer("minutes"));
        Duration warmup = Duration.ofSeconds(options.integer("warmup"));

        try (DemoJvm demo = DemoJvm.start(soak.plus(warmup).plusMinutes(10), agentOptions);
             Jmx jmx = Jmx.connect(demo.pid())) {
            System.out.printf(Locale.ROOT, "demo pid %d with %s%s%n", demo.pid(), agentOptions,
                    alloc ? "" : " (this agent has no allocation tracking: alloc=SAMPLED not accepted, left out)");
            System.out.println("warm-up " + warmup.toSeconds() + " s (the demo's cache fills, classes load)");
            LoadSettings warm = new LoadSettings(options.integer("clients"), warmup, options.decimal("rate"), true, 2);
            new LoadRun(demo.jolokia().base(), AttributeCatalog.load(demo.jolokia()), warm).run();

            SoakSettings settings = new SoakSettings(soak, Duration.ofSeconds(options.integer("sample-seconds")),
                    options.integer("clients"), options.decimal("rate"));
            System.out.print(String.format(Locale.ROOT, "%8s %14s %16s %14s %8s %14s%n", "minute", "live heap MiB",
                    "agent instances", "agent KiB", "threads", "agent threads"));
            SoakReport report = new SoakRun(demo.jolokia(), jmx.server(), settings)
                    .run(s -> System.out.print(String.format(Locale.ROOT, "%8.2f %14.1f %16d %14.1f %8d %14d%n",
                            s.elapsedMinutes(), s.liveHeapBytes() / 1048576.0, s.agentInstances(),
                            s.agentBytes() / 1024.0, s.threads(), s.agentThreads())));

            System.out.println();
            System.out.println("== soak: " + machine + ", load average " + HarnessOptions.loadAverage() + " at end, "
                    + soak.toMinutes() + " min, " + report.samples().size() + " samples, demo on "
                    + options.text("java"));
            System.out.println("agent options: " + agentOptions);
            System.out.println("activity: " + report.load().summary());
            System.out.print(report.trends());
            System.out.println("agent objects rise beyond noise: " + risesBeyondNoise(report.agentBytes())
                    + "; live heap rises beyond noise: " + risesBeyondNoise(report.liveHeap())
                    + "; agent thread groups grown: "
                    + (report.agentThreadGroupsGrown().isEmpty() ? "none" : report.agentThreadGroupsGrown()));
            System.out.println("thread groups at the end: " + report.last().threadGroups());
            System.out.println("JSON Lines log: " + logSize(work) + " bytes in " + work + "/soak.jsonl*");
            System.out.println("subsystems at the end: " + subsystems(demo.jolokia()));
        }
    }

    /** Whether the slope is above zero by more than two standard errors. */
    private static String risesBeyondNoise(Trend t) {
        return t.slopePerMinute() - 2 * t.standardError() > 0 ? "YES" : "no";
    }

    private static long logSize(Path work) throws Exception {
        try (Stream<Path> files = Files.list(work)) {
            long total = 0;
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("soak.jsonl")).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static String subsystems(JolokiaClient jolokia) {
        JolokiaClient.Response r = jolokia.read(AgentMXBean.OBJECT_NAME, "Subsystems");
        if (!(r.value() instanceof Map<?, ?> rows)) {
            return r.body();
        }
        StringBuilder s = new StringBuilder();
        rows.forEach((name, row) -> s.append(name).append('=').append(((Map<?, ?>) row).get("state")).append(' '));
        return s.toString().trim();
    }
}

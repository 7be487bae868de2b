package dev.memtrack.simulator.cli;

import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.simulator.demo.DemoWorkload;
import dev.memtrack.simulator.demo.WorkloadProgram;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** {@code demo}: runs the demo workload until Ctrl-C or for --seconds, a status line every 10 s. */
final class DemoCommand implements Command {

    static final long STATUS_EVERY_SECONDS = 10;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run four programs with distinct memory/CPU profiles, governable over JMX (WorkloadMXBean)";
    }

    @Override
    public List<String> examples() {
        return List.of("demo", "demo --seconds 60");
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("--seconds", "an integer 1 to 31536000", "stop after this long (default: run until Ctrl-C)"));
    }

    @Override
    public int run(Options options, PrintStream out) throws InterruptedException {
        long seconds = options.longValue("--seconds", 1, 31_536_000, 0);
        DemoWorkload demo = DemoWorkload.standard();
        try {
            demo.start(ManagementFactory.getPlatformMBeanServer());
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        Thread stopOnExit = new Thread(() -> {
            demo.close();
            out.println("demo stopped");
        }, "memtrack-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        out.printf(Locale.ROOT, "memtrack demo workload in pid %d: %d programs, MBeans %s%n",
                ProcessHandle.current().pid(), demo.programs().size(), MemtrackDomain.WORKLOAD_PATTERN);
        for (WorkloadProgram p : demo.programs()) {
            out.printf(Locale.ROOT, "  %-16s %-10s parallelism %d/%d  %s%n", p.getName(), p.getPriority(),
                    p.getParallelism(), p.getMaxParallelism(), p.getPurpose());
        }
        out.println(seconds > 0 ? "running for " + seconds + " s" : "running until Ctrl-C");
        long started = System.nanoTime();
        long deadline = seconds > 0 ? started + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        try {
            while (true) {
                long now = System.nanoTime();
                long nextStatus = Math.min(deadline, now + TimeUnit.SECONDS.toNanos(STATUS_EVERY_SECONDS));
                TimeUnit.NANOSECONDS.sleep(nextStatus - now);
                out.printf(Locale.ROOT, "[%ds] %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                        demo.statusLine());
                if (System.nanoTime() - deadline >= 0) {
                    break;
                }
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            demo.close();
        }
        out.println("demo stopped");
        return 0;
    }
}

package dev.memtrack.simulator.demo;

import dev.memtrack.mbeans.DescribedMBean;
import dev.memtrack.mbeans.MemtrackDomain;
import dev.memtrack.mbeans.Priority;
import dev.memtrack.mbeans.WorkloadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The demo workload: four concurrent programs with distinct allocation and CPU profiles, each
 * registered as a {@link WorkloadMXBean} ({@code memtrack:type=Workload,name=<program>}) so that
 * memtrack's policy engine, or a person in JConsole, can change its priority, parallelism and pause.
 *
 * <ul>
 *   <li>{@code request-handler} (CRITICAL, 2 of 4 workers): small requests, many short-lived objects;</li>
 *   <li>{@code batch-job} (BACKGROUND, 2 of 4): sorts 1 MiB temporary arrays, CPU-heavy;</li>
 *   <li>{@code cache-filler} (NORMAL, 1 of 2): fills a 64 MiB LRU cache, then evicts;</li>
 *   <li>{@code stress-phase} (BACKGROUND, 1 of 2): 6 s stress phases (32 MiB sawtooth), 6 s apart.</li>
 * </ul>
 * Retained heap stays under about 140 MiB with every program at full parallelism; by default the
 * programs use well under one core.
 */
public final class DemoWorkload implements AutoCloseable {

    static final long CACHE_BUDGET_BYTES = 64L * 1024 * 1024;

    private final List<WorkloadProgram> programs;
    private final List<ObjectName> registered = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "memtrack-demo-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private MBeanServer server;

    private DemoWorkload(List<WorkloadProgram> programs) {
        this.programs = List.copyOf(programs);
    }

    /** The four standard programs, not started. */
    public static DemoWorkload standard() {
        return new DemoWorkload(List.of(
                program(new ProgramProfile("request-handler",
                        "Latency-critical request handler: many small, short-lived allocations",
                        Priority.CRITICAL, 2, 4, 2), accounting -> new RequestHandlerTask()),
                program(new ProgramProfile("batch-job",
                        "CPU-heavy batch job sorting 1 MiB temporary arrays",
                        Priority.BACKGROUND, 2, 4, 40), accounting -> new BatchJobTask()),
                program(new ProgramProfile("cache-filler",
                        "Fills a 64 MiB LRU cache with 16-128 KiB entries, then evicts",
                        Priority.NORMAL, 1, 2, 10), accounting -> new CacheFillerTask(CACHE_BUDGET_BYTES)),
                program(new ProgramProfile("stress-phase",
                        "Periodic memory-stress phases: 32 MiB sawtooth for 6 s, then 6 s rest",
                        Priority.BACKGROUND, 1, 2, StressPhaseTask.PHASE_MILLIS),
                        accounting -> new StressPhaseTask(2, accounting.factory()))));
    }

    private static WorkloadProgram program(ProgramProfile profile, Function<ThreadAccounting, ProgramTask> task) {
        ThreadAccounting accounting = new ThreadAccounting("demo-" + profile.name());
        return new WorkloadProgram(profile, task.apply(accounting), accounting);
    }

    public List<WorkloadProgram> programs() {
        return programs;
    }

    /**
     * Registers every program's MBean in {@code mbeanServer} and starts the programs.
     *
     * @throws IllegalStateException if a program of the same name is already registered there
     */
    public synchronized void start(MBeanServer mbeanServer) {
        if (server != null) {
            throw new IllegalStateException("the demo workload is already started");
        }
        server = mbeanServer;
        for (WorkloadProgram program : programs) {
            ObjectName name = MemtrackDomain.workload(program.getName());
            try {
                server.registerMBean(new DescribedMBean<>(program, WorkloadMXBean.class), name);
                registered.add(name);
            } catch (JMException e) {
                unregisterAll();
                throw new IllegalStateException("cannot register " + name + ": " + e.getMessage()
                        + " (is another demo workload running in this JVM?)", e);
            }
        }
        programs.forEach(WorkloadProgram::start);
        sampler.scheduleAtFixedRate(() -> programs.forEach(WorkloadProgram::sample), 1, 1, TimeUnit.SECONDS);
    }

    /** Stops the programs, releases their memory and unregisters their MBeans. */
    @Override
    public synchronized void close() {
        sampler.shutdownNow();
        programs.forEach(WorkloadProgram::stop);
        unregisterAll();
    }

    /** One line: heap in use, then per program parallelism, tasks/s, p99, allocation rate and CPU. */
    public String statusLine() {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "heap %d/%d MiB",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20));
        for (WorkloadProgram p : programs) {
            line.append(String.format(Locale.ROOT, " | %s %d/%d%s %.1f/s p99 %.2f ms %.1f MiB/s cpu %.0f%%",
                    p.getName(), p.getParallelism(), p.getMaxParallelism(), p.isPaused() ? " paused" : "",
                    p.getTasksPerSecond(), p.getTaskLatencyP99Millis(),
                    p.getAllocationRateBytesPerSecond() / (1024 * 1024), p.getCpuPercent()));
        }
        return line.toString();
    }

    private void unregisterAll() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                // Already gone: nothing left to undo.
            }
        }
        registered.clear();
    }
}

package dev.memtrack.mbeans;

/**
 * Control contract of a program running inside a JVM that lets memtrack's policy engine govern it.
 * A program registers one of these as {@code memtrack:type=Workload,name=<program>}
 * ({@link MemtrackDomain#workload(String)}); the demo workload's programs do.
 *
 * <p>Parallelism is the number of worker threads allowed to run tasks at once, from 1 to
 * {@link #getMaxParallelism()}; a paused program runs no new tasks until resumed.
 */
@Description("A program whose share of resources memtrack may govern: priority, parallelism, pause")
public interface WorkloadMXBean {

    @Description("Program name")
    String getName();

    @Description("What the program does")
    String getPurpose();

    @Description("CRITICAL (never throttled), NORMAL, or BACKGROUND (throttled first)")
    Priority getPriority();

    void setPriority(Priority priority);

    @Units(Units.COUNT)
    @Description("Worker threads allowed to run tasks at once, 1 to MaxParallelism")
    int getParallelism();

    void setParallelism(int parallelism);

    @Units(Units.COUNT)
    @Description("Upper bound of Parallelism")
    int getMaxParallelism();

    @Description("Whether the program is paused (runs no new tasks)")
    boolean isPaused();

    void setPaused(boolean paused);

    @Units(Units.COUNT)
    @Description("Tasks completed since start")
    long getCompletedTasks();

    @Units(Units.COUNT_PER_SECOND)
    @Description("Tasks completed per second, recent average")
    double getTasksPerSecond();

    @Units(Units.MILLISECONDS)
    @Description("99th percentile of task latency, recent window")
    double getTaskLatencyP99Millis();

    @Units(Units.BYTES)
    @Description("Heap allocated by the program's threads since start (JVM per-thread counters)")
    long getAllocatedBytes();

    @Units(Units.BYTES_PER_SECOND)
    @Description("Heap allocation rate of the program's threads, recent average")
    double getAllocationRateBytesPerSecond();

    @Units(Units.PERCENT)
    @Description("CPU time of the program's threads per wall second, recent average, percent of one core")
    double getCpuPercent();
}

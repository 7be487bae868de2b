package dev.memtrack.agent.testing.apps;

/**
 * The attributes of memtrack's workload contract that the policy reads and writes, declared here so
 * that the test application needs nothing of memtrack on its class path (the policy reads programs
 * through the MBeanServer, by attribute name).
 */
public interface ProgramMXBean {

    String getName();

    /** BACKGROUND, NORMAL or CRITICAL. */
    String getPriority();

    int getParallelism();

    void setParallelism(int parallelism);

    int getMaxParallelism();

    boolean isPaused();

    void setPaused(boolean paused);

    double getCpuPercent();

    double getAllocationRateBytesPerSecond();
}

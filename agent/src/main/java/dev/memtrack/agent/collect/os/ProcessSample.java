package dev.memtrack.agent.collect.os;

/**
 * One process at one instant, raw counters as the OS reports them.
 *
 * @param startTimeMillis when the process started (epoch ms); with the pid it identifies the process
 *                        across samples even if the pid is reused
 * @param cpuTimeMillis   user plus kernel CPU time since the process started
 */
public record ProcessSample(int pid, long startTimeMillis, String name, String user, String state,
                            long cpuTimeMillis, long residentBytes, long virtualBytes, int threads) {
}

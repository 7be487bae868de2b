package dev.memtrack.agent.testing.soak;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a JVM holds at one moment, right after a full GC.
 *
 * @param elapsedMillis  since the first sample of the soak
 * @param liveHeapBytes  every live object (the class histogram's total after its full GC)
 * @param agentInstances live instances of the agent's own classes (memtrack agent, Jolokia, OSHI, JNA,
 *                       Byte Buddy, HdrHistogram)
 * @param agentBytes     their shallow size
 * @param threads        live threads
 * @param threadGroups   live threads by name with trailing numbers replaced by {@code N}
 *                       ({@code memtrack-jolokia-N}: 2)
 */
public record FootprintSample(long elapsedMillis, long liveHeapBytes, long agentInstances, long agentBytes,
                              int threads, Map<String, Integer> threadGroups) {

    public FootprintSample {
        threadGroups = new TreeMap<>(threadGroups);
    }

    /**
     * Threads of the agent: those named {@code memtrack-*} other than the demo's own, and the two of
     * the JDK's HTTP server Jolokia runs on.
     */
    public int agentThreads() {
        return threadGroups.entrySet().stream().filter(e -> isAgentThread(e.getKey())).mapToInt(Map.Entry::getValue)
                .sum();
    }

    public static boolean isAgentThread(String group) {
        return (group.startsWith("memtrack-") && !group.startsWith("memtrack-demo-")) || group.equals("HTTP-Dispatcher")
                || group.equals("idle-timeout-task");
    }

    public double elapsedMinutes() {
        return elapsedMillis / 60_000.0;
    }
}

package dev.memtrack.benchmarks.fleet;

import dev.memtrack.agent.testing.JolokiaClient;
import java.util.Map;

/**
 * What the demo JVM spent, read over its own Jolokia endpoint: process CPU time and GC count and
 * time over all collectors. Two readings give the cost of what happened between them.
 *
 * @param cpuNanos       process CPU time
 * @param gcCount        collections, all collectors
 * @param gcMillis       accumulated collection time, all collectors
 * @param threads        live threads
 */
record JvmGauges(long cpuNanos, long gcCount, long gcMillis, int threads) {

    static JvmGauges read(JolokiaClient jolokia) {
        long cpu = number(jolokia.read("java.lang:type=OperatingSystem", "ProcessCpuTime"));
        int threads = (int) number(jolokia.read("java.lang:type=Threading", "ThreadCount"));
        JolokiaClient.Response gc = jolokia.post(Map.of("type", "read", "mbean", "java.lang:type=GarbageCollector,*",
                "attribute", java.util.List.of("CollectionCount", "CollectionTime")));
        long count = 0;
        long millis = 0;
        if (gc.value() instanceof Map<?, ?> collectors) {
            for (Object values : collectors.values()) {
                Map<?, ?> v = (Map<?, ?>) values;
                count += ((Number) v.get("CollectionCount")).longValue();
                millis += ((Number) v.get("CollectionTime")).longValue();
            }
        }
        return new JvmGauges(cpu, count, millis, threads);
    }

    private static long number(JolokiaClient.Response r) {
        if (r.status() != 200 || !(r.value() instanceof Number n)) {
            throw new IllegalStateException("cannot read the demo JVM's gauges: " + r.body());
        }
        return n.longValue();
    }

    /** What was spent from {@code earlier} to this reading. */
    JvmGauges since(JvmGauges earlier) {
        return new JvmGauges(cpuNanos - earlier.cpuNanos, gcCount - earlier.gcCount, gcMillis - earlier.gcMillis,
                threads);
    }
}

package dev.memtrack.agent.policy.act;

/**
 * Which figure of a workload program says how much it adds to a rule's metric, so that the heaviest
 * contributor is throttled first: CPU for CPU rules, allocation rate for memory, heap and GC rules.
 */
public enum Contribution {
    CPU, ALLOCATION;

    /** CPU for {@code system.cpu.*} metrics, allocation for every memory, swap, heap, alloc and GC metric. */
    public static Contribution forMetric(String metric) {
        return metric.startsWith("system.cpu") ? CPU : ALLOCATION;
    }
}

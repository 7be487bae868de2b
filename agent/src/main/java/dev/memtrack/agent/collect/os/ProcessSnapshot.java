package dev.memtrack.agent.collect.os;

import java.util.List;

/** Every process of the machine at one instant. Immutable. */
public record ProcessSnapshot(long capturedAtNanos, long capturedAtMillis, List<ProcessSample> processes) {

    public ProcessSnapshot {
        processes = List.copyOf(processes);
    }
}

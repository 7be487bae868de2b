package dev.memtrack.agent.collect.os;

/** Cumulative traffic counters of one network interface, as the OS reports them. */
public record NetworkCounters(String name, long bytesReceived, long bytesSent, long packetsReceived,
                              long packetsSent) {
}

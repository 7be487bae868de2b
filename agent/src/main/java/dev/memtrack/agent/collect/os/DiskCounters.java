package dev.memtrack.agent.collect.os;

/** Cumulative I/O counters of one disk since boot, as the OS reports them. */
public record DiskCounters(String name, long reads, long readBytes, long writes, long writeBytes) {
}

package dev.memtrack.mbeans;

/** Traffic rates of one network interface over the last interval. */
public record NetworkRate(
        @Description("Interface name, e.g. eth0") String name,
        @Units(Units.BYTES_PER_SECOND) @Description("Bytes received per second") double receivedBytesPerSecond,
        @Units(Units.BYTES_PER_SECOND) @Description("Bytes sent per second") double transmittedBytesPerSecond,
        @Units(Units.COUNT_PER_SECOND) @Description("Packets received per second") double receivedPacketsPerSecond,
        @Units(Units.COUNT_PER_SECOND) @Description("Packets sent per second") double transmittedPacketsPerSecond) {
}

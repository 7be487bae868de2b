package dev.memtrack.mbeans;

/** I/O rates of one disk over the last interval. */
public record DiskRate(
        @Description("Disk name as the OS reports it, e.g. vda") String name,
        @Units(Units.BYTES_PER_SECOND) @Description("Bytes read per second") double readBytesPerSecond,
        @Units(Units.BYTES_PER_SECOND) @Description("Bytes written per second") double writeBytesPerSecond,
        @Units(Units.COUNT_PER_SECOND) @Description("Read operations per second") double readsPerSecond,
        @Units(Units.COUNT_PER_SECOND) @Description("Write operations per second") double writesPerSecond) {
}

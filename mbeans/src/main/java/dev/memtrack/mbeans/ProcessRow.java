package dev.memtrack.mbeans;

/** One process of the machine. */
public record ProcessRow(
        @Description("Position in the table, 1 = top") int rank,
        @Description("Process id") int pid,
        @Description("Process name") String name,
        @Description("Owning user") String user,
        @Description("State: RUNNING, SLEEPING, WAITING, ZOMBIE, STOPPED, OTHER") String state,
        @Units(Units.PERCENT) @Description("CPU use over the last interval, percent of one core") double cpuPercent,
        @Units(Units.BYTES) @Description("Resident set size") long residentBytes,
        @Units(Units.BYTES) @Description("Virtual memory size") long virtualBytes,
        @Units(Units.COUNT) @Description("Threads") int threads) {
}

package dev.memtrack.mbeans;

/** System load averages; -1 where the OS does not report one. */
public record LoadAverage(
        @Description("Load average over 1 minute") double oneMinute,
        @Description("Load average over 5 minutes") double fiveMinutes,
        @Description("Load average over 15 minutes") double fifteenMinutes) {
}

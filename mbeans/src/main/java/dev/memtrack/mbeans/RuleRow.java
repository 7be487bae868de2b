package dev.memtrack.mbeans;

/** One rule of the policy engine. */
public record RuleRow(
        @Description("Rule name") String name,
        @Description("Whether the rule is evaluated") boolean enabled,
        @Description("Metric the rule watches, e.g. system.cpu.percent") String metric,
        @Description("Threshold the metric must exceed") double threshold,
        @Description("Value the metric must fall below to release (hysteresis)") double releaseThreshold,
        @Units(Units.MILLISECONDS) @Description("How long the metric must stay above the threshold") long holdMillis,
        @Units(Units.MILLISECONDS) @Description("Minimum time between two actions of this rule") long cooldownMillis,
        @Description("Candidate actions in order of preference, comma-separated") String actions,
        @Description("IDLE, PENDING, ACTIVE or COOLDOWN") String state,
        @Description("Metric value at the last evaluation; NaN if unavailable") double lastValue) {
}

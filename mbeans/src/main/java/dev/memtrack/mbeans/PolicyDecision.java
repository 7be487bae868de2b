package dev.memtrack.mbeans;

/** One decision of the policy engine: what it saw, what it did, and what that changed. */
public record PolicyDecision(
        @Description("Sequence number, increasing") long id,
        @Units(Units.EPOCH_MILLISECONDS) @Description("When the decision was made") long timeMillis,
        @Description("Rule that fired, or 'manual' / 'undo'") String rule,
        @Description("Metric watched") String metric,
        @Description("Metric value when deciding") double value,
        @Description("Threshold in force") double threshold,
        @Description("Action, e.g. reduce-parallelism") String action,
        @Description("Target, e.g. workload:batch-job") String target,
        @Description("Setting before the action") String before,
        @Description("Setting after the action (same as before in ADVISORY mode)") String after,
        @Description("ADVISORY or ENFORCE") String mode,
        @Description("PENDING, EFFECTIVE, INEFFECTIVE, UNDONE, ADVISED or FAILED") String outcome,
        @Description("Measured change of the metric over the evaluation window; NaN while pending") double effect,
        @Description("Explanation in words") String message) {
}

package dev.memtrack.mbeans;

/** What the engine learned about one action on one target for one rule. */
public record EffectivenessRow(
        @Description("Rule") String rule,
        @Description("Action") String action,
        @Description("Target") String target,
        @Units(Units.COUNT) @Description("Times the action was taken and measured") long attempts,
        @Units(Units.COUNT) @Description("Times it relieved the metric") long successes,
        @Description("Score in [0, 1]; higher is preferred") double score) {
}

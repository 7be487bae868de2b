package dev.memtrack.mbeans;

import java.util.Map;
import javax.management.openmbean.TabularData;

/**
 * The adaptive allocation policy: rules over the collected metrics decide actions on workload
 * programs, OS processes, the stress generator and the agent itself; their effect is measured and
 * learned from. Every decision is sent as a {@link NotificationTypes#POLICY_DECISION} notification.
 */
@Description("Adaptive allocation policy: rules, thresholds, pins, decisions and how well actions worked")
public interface PolicyMXBean {

    String OBJECT_NAME = MemtrackDomain.DOMAIN + ":type=Policy";

    RecordTable<RuleRow> RULE_TABLE = RecordTable.of(RuleRow.class, "One policy rule", "name");
    RecordTable<PolicyDecision> DECISION_TABLE =
            RecordTable.of(PolicyDecision.class, "One decision of the policy engine", "id");
    RecordTable<EffectivenessRow> EFFECTIVENESS_TABLE = RecordTable.of(EffectivenessRow.class,
            "How well one action worked for one rule on one target", "rule", "action", "target");

    @Description("OFF, ADVISORY (decide and record only) or ENFORCE (act)")
    PolicyMode getMode();

    void setMode(PolicyMode mode);

    @Units(Units.MILLISECONDS)
    @Description("Time between two evaluations of the rules")
    long getEvaluationIntervalMillis();

    @Description("The rules: metric, threshold, hold time, hysteresis, cooldown, actions, state")
    @TableOf(RuleRow.class)
    TabularData getRules();

    @Description("Threshold of each rule, by rule name")
    Map<String, Double> getThresholds();

    @Description("The most recent decisions, newest first")
    @TableOf(PolicyDecision.class)
    TabularData getRecentDecisions();

    @Description("Effectiveness score per rule, action and target (learned from measured effects)")
    @TableOf(EffectivenessRow.class)
    TabularData getEffectiveness();

    @Description("Targets the engine must leave alone")
    String[] getPins();

    @Description("Changes the threshold of a rule")
    void setThreshold(@Description("Rule name") String rule,
                      @Description("New threshold, in the unit of the rule's metric") double value);

    @Description("Turns a rule on")
    void enableRule(@Description("Rule name") String rule);

    @Description("Turns a rule off; what it changed stays until undone")
    void disableRule(@Description("Rule name") String rule);

    @Description("Pins a target: the engine will not change it")
    void pin(@Description("Target, e.g. workload:batch-job or process:1234") String target);

    @Description("Unpins a target")
    void unpin(@Description("Target as pinned") String target);

    @Units(Units.COUNT)
    @Description("Evaluates every rule now; returns the number of decisions made")
    int evaluateNow();

    @Units(Units.COUNT)
    @Description("Undoes every change the engine made, newest first; returns the number of changes undone")
    int undoAll();
}

package dev.memtrack.agent.policy.record;

import dev.memtrack.mbeans.PolicyDecision;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A decision of the policy engine as a JDK Flight Recorder event, so it shows in JDK Mission Control
 * beside GC and allocation events (category memtrack / Policy). A decision is committed when it is
 * made and again, with the same id, when its outcome is measured.
 */
@Name(PolicyDecisionEvent.NAME)
@Label("Policy Decision")
@Category({"memtrack", "Policy"})
@Description("A decision of memtrack's adaptive allocation policy: what it saw, what it did, what that changed")
@StackTrace(false)
public final class PolicyDecisionEvent extends Event {

    /** The event type name, for recordings and {@code RecordingStream.enable}. */
    public static final String NAME = "dev.memtrack.PolicyDecision";

    @Label("Id")
    @Description("Sequence number of the decision; repeated when its outcome is known")
    long id;

    @Label("Rule")
    @Description("Rule that fired, or 'manual' / 'undo'")
    String rule;

    @Label("Metric")
    @Description("Metric the rule watches")
    String metric;

    @Label("Value")
    @Description("Metric value when deciding")
    double value;

    @Label("Threshold")
    @Description("Threshold in force")
    double threshold;

    @Label("Action")
    @Description("What was (or would be) done, e.g. reduce-parallelism")
    String action;

    @Label("Target")
    @Description("What it was done to, e.g. workload:batch")
    String target;

    @Label("Before")
    @Description("Setting before")
    String before;

    @Label("After")
    @Description("Setting after (same as before in ADVISORY mode)")
    String after;

    @Label("Mode")
    @Description("Policy mode: ADVISORY or ENFORCE")
    String mode;

    @Label("Outcome")
    @Description("PENDING, EFFECTIVE, INEFFECTIVE, UNDONE, ADVISED or FAILED")
    String outcome;

    @Label("Effect")
    @Description("Measured change of the metric over the evaluation window; NaN while pending")
    double effect;

    @Label("Message")
    @Description("Explanation in words")
    String message;

    /** Commits one event for the decision if the event type is enabled in some recording. */
    static void emit(PolicyDecision d) {
        PolicyDecisionEvent e = new PolicyDecisionEvent();
        if (!e.isEnabled()) {
            return;
        }
        e.id = d.id();
        e.rule = d.rule();
        e.metric = d.metric();
        e.value = d.value();
        e.threshold = d.threshold();
        e.action = d.action();
        e.target = d.target();
        e.before = d.before();
        e.after = d.after();
        e.mode = d.mode();
        e.outcome = d.outcome();
        e.effect = d.effect();
        e.message = d.message();
        e.commit();
    }
}

package dev.memtrack.mbeans;

/**
 * Types of the JMX notifications memtrack sends. The {@code userData} of each is a
 * {@link javax.management.openmbean.CompositeData} of the record named in the constant's javadoc.
 */
public final class NotificationTypes {

    /** A subsystem of the agent changed state; user data: {@link SubsystemStatus}. Sent by {@link AgentMXBean}. */
    public static final String SUBSYSTEM_STATE = "memtrack.agent.subsystem";

    /** The policy engine decided, acted or undid; user data: {@link PolicyDecision}. Sent by {@link PolicyMXBean}. */
    public static final String POLICY_DECISION = "memtrack.policy.decision";

    /** The stress generator started, reached its target, or stopped; user data: {@link StressStatus}. */
    public static final String STRESS_STATE = "memtrack.stress.state";

    private NotificationTypes() {
    }
}

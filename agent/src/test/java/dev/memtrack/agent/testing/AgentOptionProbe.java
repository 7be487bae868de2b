package dev.memtrack.agent.testing;

/**
 * Whether the agent under test accepts an option, for tests and harnesses that use a key only some
 * builds know (allocation tracking's {@code alloc=...} joined later): the agent starts once with
 * {@code failFast=true} and that option in a JVM that prints its help and exits.
 */
public final class AgentOptionProbe {

    private AgentOptionProbe() {
    }

    /** @param option {@code key=value} */
    public static boolean accepts(String option) {
        try (ChildJvm probe = ChildJvm.withAgent("failFast=true,jolokia=false," + option).name("option-probe")
                .jar(SimulatorJar.path(), "--help").start()) {
            probe.awaitExit(ChildJvm.TIMEOUT);
            return probe.memtrackLines().stream().noneMatch(l -> l.contains("not started"));
        }
    }
}

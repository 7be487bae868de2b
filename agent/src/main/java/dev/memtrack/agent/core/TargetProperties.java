package dev.memtrack.agent.core;

/**
 * System properties the agent sets in the JVM it runs in, so that {@code status <pid>} and
 * {@code list} can read them through the attach API. They live under {@code memtrack.agent.}, which
 * configuration never reads.
 */
public final class TargetProperties {

    /** Set atomically by the first agent start; a second start (attach twice) sees it and backs off. */
    public static final String INSTANCE = "memtrack.agent.instance";
    public static final String VERSION = "memtrack.agent.version";
    /** The Jolokia URL while Jolokia listens; absent otherwise. */
    public static final String JOLOKIA_URL = "memtrack.agent.jolokiaUrl";
    /** {@code starting}, {@code ready}, {@code stopped} or {@code refused}. */
    public static final String STATE = "memtrack.agent.state";
    /** Why the agent refused to start (failFast); absent otherwise. */
    public static final String REFUSED = "memtrack.agent.refused";

    private TargetProperties() {
    }

    /**
     * Claims this JVM for one agent instance.
     *
     * @return {@code null} if claimed, else the description of the instance already running
     */
    static String claim(String description) {
        Object existing = System.getProperties().putIfAbsent(INSTANCE, description);
        return existing == null ? null : existing.toString();
    }

    static void state(String state) {
        System.setProperty(STATE, state);
    }

    static void publishJolokiaUrl(String url) {
        if (url == null) {
            System.clearProperty(JOLOKIA_URL);
        } else {
            System.setProperty(JOLOKIA_URL, url);
        }
    }
}

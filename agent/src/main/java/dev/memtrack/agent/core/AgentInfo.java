package dev.memtrack.agent.core;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who this agent is: version, how and when it started, and where Jolokia listens once it does.
 *
 * <p>Thread-safe; everything but the Jolokia URL is fixed at start.
 */
public final class AgentInfo {

    private final String version;
    private final String startMode;
    private final long startTimeMillis;
    private final AtomicReference<String> jolokiaUrl = new AtomicReference<>();

    public AgentInfo(String version, String startMode, long startTimeMillis) {
        this.version = version;
        this.startMode = startMode;
        this.startTimeMillis = startTimeMillis;
    }

    public String version() {
        return version;
    }

    /** {@code premain} or {@code attach}. */
    public String startMode() {
        return startMode;
    }

    public long startTimeMillis() {
        return startTimeMillis;
    }

    public Optional<String> jolokiaUrl() {
        return Optional.ofNullable(jolokiaUrl.get());
    }

    /**
     * Set by the Jolokia subsystem when it listens, {@code null} when it stops; also published as the
     * system property {@link TargetProperties#JOLOKIA_URL} for {@code status <pid>}.
     */
    public void jolokiaUrl(String url) {
        jolokiaUrl.set(url);
        TargetProperties.publishJolokiaUrl(url);
    }
}

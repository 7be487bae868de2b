package dev.memtrack.agent.cli;

import dev.memtrack.agent.core.TargetProperties;
import java.util.Optional;
import java.util.Properties;

/**
 * What a JVM's system properties say about memtrack in it (see {@link TargetProperties}).
 *
 * @param instance   how and when it started, empty if memtrack is not loaded
 * @param state      starting, ready, stopped or refused; empty if never loaded
 * @param jolokiaUrl empty when Jolokia does not listen
 */
record AgentPresence(Optional<String> instance, Optional<String> version, Optional<String> state,
                     Optional<String> jolokiaUrl, Optional<String> refusal) {

    static AgentPresence of(Properties p) {
        return new AgentPresence(get(p, TargetProperties.INSTANCE), get(p, TargetProperties.VERSION),
                get(p, TargetProperties.STATE), get(p, TargetProperties.JOLOKIA_URL), get(p, TargetProperties.REFUSED));
    }

    boolean loaded() {
        return instance.isPresent();
    }

    boolean ready() {
        return state.filter("ready"::equals).isPresent();
    }

    String jolokia() {
        return jolokiaUrl.orElse("off");
    }

    /** e.g. {@code memtrack 0.1.0 (premain at 2026-...) ready, jolokia http://127.0.0.1:8778/jolokia/}. */
    String describe() {
        return "memtrack " + version.orElse("?") + " (" + instance.orElse("?") + ") " + state.orElse("?")
                + ", jolokia " + jolokia();
    }

    private static Optional<String> get(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).filter(v -> !v.isBlank());
    }
}

package dev.memtrack.agent.policy.record;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Passes each kind of warning to the agent's log once, however often the problem recurs (a missing
 * process is missing at every evaluation). Thread-safe; a failing sink is ignored.
 */
public final class Warnings {

    private final Consumer<String> sink;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public Warnings(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * @param key     identifies the problem; the same key warns only once
     * @param message what a person reads
     */
    public void warn(String key, String message) {
        if (seen.add(key)) {
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                // The log is the agent's; its failure must not become the policy's.
            }
        }
    }
}

package dev.memtrack.agent.policy.record;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Passes each kind of message to the agent's log once, however often the condition recurs (a missing
 * process is missing at every evaluation). Warnings are failures of the policy; notes are what a
 * person may want to know though nothing failed (a rule fired and found nothing it could do). Thread-safe;
 * a failing sink is ignored.
 */
public final class Warnings {

    private final Consumer<String> warnSink;
    private final Consumer<String> noteSink;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Warnings and notes to the same sink. */
    public Warnings(Consumer<String> sink) {
        this(sink, sink);
    }

    public Warnings(Consumer<String> warnSink, Consumer<String> noteSink) {
        this.warnSink = warnSink;
        this.noteSink = noteSink;
    }

    /**
     * @param key     identifies the problem; the same key warns only once
     * @param message what a person reads
     */
    public void warn(String key, String message) {
        once(key, message, warnSink);
    }

    /**
     * @param key     identifies the condition; the same key (warning or note) is passed on only once
     * @param message what a person reads
     */
    public void note(String key, String message) {
        once(key, message, noteSink);
    }

    private void once(String key, String message, Consumer<String> sink) {
        if (seen.add(key)) {
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                // The log is the agent's; its failure must not become the policy's.
            }
        }
    }
}

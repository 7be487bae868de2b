package dev.memtrack.agent.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest immutable snapshot of each kind (system stats, process tables, heap stats, and later
 * allocation summaries), keyed by the snapshot's type. Collectors publish on the sampler thread;
 * MBean getters, the JSON Lines log and the policy engine read from any thread.
 *
 * <p>Thread-safe. Values must be immutable: readers get the very object that was published.
 */
public final class SnapshotStore {

    private final ConcurrentHashMap<Class<?>, Object> latest = new ConcurrentHashMap<>();

    public <T> void publish(Class<T> type, T snapshot) {
        latest.put(type, Objects.requireNonNull(snapshot, "snapshot"));
    }

    public <T> Optional<T> latest(Class<T> type) {
        return Optional.ofNullable(type.cast(latest.get(type)));
    }

    /** Forgets a kind, e.g. when its collector is disabled. */
    public void remove(Class<?> type) {
        latest.remove(type);
    }
}

package dev.memtrack.agent.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sections of a JSON Lines log line, contributed by subsystems ({@code "system"}, {@code "heap"},
 * later {@code "allocations"}, {@code "policy"}), in the order they were added.
 *
 * <p>Thread-safe.
 */
public final class LogSections {

    /** One section and the subsystem that owns it. */
    public record Section(String owner, String name, Supplier<?> value) {
    }

    private final Map<String, Section> sections = new LinkedHashMap<>();

    /** @throws IllegalArgumentException if another subsystem already writes a section of that name */
    public synchronized void add(String owner, String name, Supplier<?> value) {
        Section existing = sections.get(name);
        if (existing != null) {
            throw new IllegalArgumentException("JSON log section '" + name + "' is already written by "
                    + existing.owner());
        }
        sections.put(name, new Section(owner, name, value));
    }

    public synchronized void removeAll(String owner) {
        sections.values().removeIf(s -> s.owner().equals(owner));
    }

    public synchronized List<Section> sections() {
        return new ArrayList<>(sections.values());
    }
}

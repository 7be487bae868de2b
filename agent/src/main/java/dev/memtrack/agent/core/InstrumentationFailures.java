package dev.memtrack.agent.core;

import dev.memtrack.mbeans.InstrumentationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes the allocation tracker could not instrument and loaded unchanged, shown by the Agent MBean.
 * Bounded: the first {@value #MAX_ROWS} distinct (class, loader) pairs are kept, later ones only
 * counted.
 *
 * <p>Thread-safe.
 */
public final class InstrumentationFailures {

    public static final int MAX_ROWS = 1000;

    private final Map<String, InstrumentationFailure> rows = new LinkedHashMap<>();
    private long dropped;

    public synchronized void record(String className, String classLoader, String reason) {
        String id = className + "\u0000" + classLoader;
        if (rows.containsKey(id)) {
            return;
        }
        if (rows.size() < MAX_ROWS) {
            rows.put(id, new InstrumentationFailure(className, classLoader, reason));
        } else {
            dropped++;
        }
    }

    public synchronized List<InstrumentationFailure> rows() {
        return List.copyOf(new ArrayList<>(rows.values()));
    }

    /** Failures not kept because the table was full. */
    public synchronized long dropped() {
        return dropped;
    }
}

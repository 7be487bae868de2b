package dev.memtrack.simulator.demo;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache of byte arrays bounded by their total size: adding past the budget
 * evicts the least recently used entries. Thread-safe (synchronized).
 */
final class BoundedCache {

    private final long budgetBytes;
    private final LinkedHashMap<Long, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long sizeBytes;
    private long evictions;

    BoundedCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized byte[] get(long key) {
        return entries.get(key);
    }

    synchronized void put(long key, byte[] value) {
        byte[] old = entries.put(key, value);
        sizeBytes += value.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<Long, byte[]>> eldest = entries.entrySet().iterator();
        while (sizeBytes > budgetBytes && eldest.hasNext()) {
            sizeBytes -= eldest.next().getValue().length;
            eldest.remove();
            evictions++;
        }
    }

    synchronized long sizeBytes() {
        return sizeBytes;
    }

    synchronized long evictions() {
        return evictions;
    }

    synchronized void clear() {
        entries.clear();
        sizeBytes = 0;
    }
}

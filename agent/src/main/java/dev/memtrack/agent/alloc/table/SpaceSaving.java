package dev.memtrack.agent.alloc.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heaviest keys of a weighted stream in at most {@code capacity} entries: the Space-Saving
 * algorithm (Metwally, Agrawal, El Abbadi, 2005) with weights.
 *
 * <p>While fewer than {@code capacity} keys have been seen every entry is exact. Once full, a new
 * key replaces the lightest entry and inherits its weight, recorded as {@code errorBytes}. Then,
 * with {@code W} the total weight added:
 * <ul>
 *   <li>{@code bytes - errorBytes <= true bytes <= bytes} for every entry;</li>
 *   <li>{@code errorBytes <= W / capacity} (an inherited weight was the minimum, at most the mean);</li>
 *   <li>every key whose true weight exceeds {@code W / capacity} is in the table;</li>
 *   <li>the entries' bytes add up to exactly {@code W}.</li>
 * </ul>
 * Counts travel with bytes (an inherited count is an overcount of the same origin).
 *
 * <p>Entries sit in a min-heap by bytes with a key index: each update is O(log capacity).
 * Not thread-safe; the owner locks.
 *
 * @param <K> key type
 */
public final class SpaceSaving<K> {

    private final int capacity;
    private final Map<K, Entry<K>> index;
    private final Entry<K>[] heap;
    private int size;
    private long totalCount;
    private long totalBytes;

    @SuppressWarnings("unchecked")
    public SpaceSaving(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.index = new HashMap<>((int) (capacity / 0.75f) + 1);
        this.heap = (Entry<K>[]) new Entry<?>[capacity];
        // HashMap allocates its table on the first put: do it now, on the thread that builds the
        // table, not on the application thread that records the first sample.
        index.put(null, null);
        index.remove(null);
    }

    /** Adds {@code count} allocations of {@code bytes} in total to {@code key}. */
    public void add(K key, long count, long bytes, boolean estimated) {
        totalCount += count;
        totalBytes += bytes;
        Entry<K> e = index.get(key);
        if (e != null) {
            e.count += count;
            e.bytes += bytes;
            e.estimated |= estimated;
            siftDown(e.heapIndex);
            return;
        }
        if (size < capacity) {
            e = new Entry<>(key);
            e.count = count;
            e.bytes = bytes;
            e.estimated = estimated;
            e.heapIndex = size;
            heap[size++] = e;
            index.put(key, e);
            siftUp(e.heapIndex);
            return;
        }
        Entry<K> min = heap[0];
        index.remove(min.key);
        min.key = key;
        min.errorBytes = min.bytes;
        min.count += count;
        min.bytes += bytes;
        min.estimated |= estimated;
        index.put(key, min);
        siftDown(0);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Bytes of the lightest entry when full (what a new key would inherit), else 0. */
    public long minBytes() {
        return size == capacity ? heap[0].bytes : 0;
    }

    public long totalCount() {
        return totalCount;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** A copy of the entries, in no particular order. */
    public List<Row<K>> rows() {
        List<Row<K>> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Entry<K> e = heap[i];
            rows.add(new Row<>(e.key, e.count, e.bytes, e.errorBytes, e.estimated));
        }
        return rows;
    }

    /**
     * One entry as copied out of the table.
     *
     * @param key        the key
     * @param count      allocations (an overcount bounded like bytes)
     * @param bytes      bytes, at least the true figure
     * @param errorBytes at most this much of {@code bytes} belongs to other keys
     * @param estimated  whether sampled (estimated) contributions were added
     */
    public record Row<K>(K key, long count, long bytes, long errorBytes, boolean estimated) {
    }

    private void siftUp(int i) {
        Entry<K> e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent].bytes <= e.bytes) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(e, i);
    }

    private void siftDown(int i) {
        Entry<K> e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].bytes < heap[child].bytes) {
                child = right;
            }
            if (e.bytes <= heap[child].bytes) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(e, i);
    }

    private void place(Entry<K> e, int i) {
        heap[i] = e;
        e.heapIndex = i;
    }

    private static final class Entry<K> {
        K key;
        long count;
        long bytes;
        long errorBytes;
        boolean estimated;
        int heapIndex;

        Entry(K key) {
            this.key = key;
        }
    }
}

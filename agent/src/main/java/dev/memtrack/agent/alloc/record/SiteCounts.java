package dev.memtrack.agent.alloc.record;

import java.util.Arrays;

/**
 * One thread's exact per-site counters: an open-addressing table from site id to (count, bytes),
 * written only by its thread with plain stores. Readers (the snapshot, under the recording's lock)
 * may read it concurrently and see slightly stale, never torn, figures: a slot's key is written
 * once and only cleared by a drain, which takes the same lock.
 *
 * <p>Grows by replacement: a larger table is built in a constructor (final fields publish it)
 * and swapped in by the owner.
 */
final class SiteCounts {

    private static final int HASH = 0x9E3779B9;

    /** Site id + 1, 0 for an empty slot. */
    final int[] keys;
    /** count at 2i, bytes at 2i + 1. */
    final long[] values;
    private final int shift;
    private final int mask;
    private final int limit;
    private int used;

    SiteCounts(int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 4) {
            throw new IllegalArgumentException("capacity must be a power of two >= 4, got " + capacity);
        }
        this.keys = new int[capacity];
        this.values = new long[2 * capacity];
        this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
        this.mask = capacity - 1;
        this.limit = capacity - capacity / 4;
    }

    /** A table of {@code capacity} slots holding everything {@code old} holds. */
    SiteCounts(SiteCounts old, int capacity) {
        this(capacity);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.keys[i] != 0) {
                add(old.keys[i] - 1, old.values[2 * i], old.values[2 * i + 1]);
            }
        }
    }

    /** Adds to a site; false (and nothing changed) when the site is new and the table is full. */
    boolean add(int site, long count, long bytes) {
        int key = site + 1;
        int i = (key * HASH) >>> shift;
        while (true) {
            int k = keys[i];
            if (k == key) {
                values[2 * i] += count;
                values[2 * i + 1] += bytes;
                return true;
            }
            if (k == 0) {
                if (used >= limit) {
                    return false;
                }
                used++;
                keys[i] = key;
                values[2 * i] += count;
                values[2 * i + 1] += bytes;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    int capacity() {
        return keys.length;
    }

    /** Empties the table; only under the recording's lock, by the owner. */
    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, 0);
        used = 0;
    }
}

package dev.memtrack.simulator.paging;

import java.util.Arrays;

/**
 * A map from page keys ({@code process << 32 | page}, never negative) to int values, with open
 * addressing and linear probing in primitive arrays: the per-reference lookup of the simulator
 * allocates nothing and touches one or two cache lines. Removal shifts the following entries back
 * instead of leaving tombstones, so lookups stay short however many pages come and go.
 */
final class PageKeyMap {

    static final int MISSING = -1;
    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    PageKeyMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.min(Math.max(4, expectedSize), 1 << 26) * 4 - 1);
        allocate(capacity);
    }

    static long key(int process, int page) {
        return ((long) process << 32) | page;
    }

    static int processOf(long key) {
        return (int) (key >>> 32);
    }

    static int pageOf(long key) {
        return (int) key;
    }

    int size() {
        return size;
    }

    int get(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return MISSING;
            }
        }
    }

    void put(long key, int value) {
        int slot = slot(key);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                values[slot] = value;
                grow();
                return;
            }
        }
        values[slot] = value;
    }

    void remove(long key) {
        int slot = slot(key);
        while (keys[slot] != key) {
            if (keys[slot] == EMPTY) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        size--;
        // Backward-shift deletion: move later members of the probe run into the gap.
        int gap = slot;
        for (int next = (gap + 1) & mask; keys[next] != EMPTY; next = (next + 1) & mask) {
            int home = slot(keys[next]);
            boolean movable = gap <= next ? home <= gap || home > next : home <= gap && home > next;
            if (movable) {
                keys[gap] = keys[next];
                values[gap] = values[next];
                gap = next;
            }
        }
        keys[gap] = EMPTY;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}

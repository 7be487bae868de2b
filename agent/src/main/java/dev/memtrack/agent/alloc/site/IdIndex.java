package dev.memtrack.agent.alloc.site;

import java.util.function.IntFunction;

/**
 * Finds the id under which a value equal to a given one was stored, for values that the registry
 * already keeps in its own id-indexed chunks. A hash table of bare ids, open addressing with linear
 * probing: the registry holds one value per instrumented site for the life of the JVM, and a map
 * would add an entry object and a boxed id to each (about 100 bytes a site). Not thread-safe; the
 * registry's lock guards it.
 */
final class IdIndex<T> {

    private final IntFunction<T> stored;
    /** {@code id + 1} per used slot, 0 for a free one; kept at most half full. */
    private int[] slots = new int[256];
    private int shift = Integer.SIZE - 8;
    private int size;

    /** @param stored the value stored under an id the index was given */
    IdIndex(IntFunction<T> stored) {
        this.stored = stored;
    }

    /** The id of the value equal to {@code value}, or -1 if none was added. */
    int find(T value) {
        int mask = slots.length - 1;
        for (int i = home(value.hashCode()); ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (value.equals(stored.apply(slot - 1))) {
                return slot - 1;
            }
        }
    }

    /** Adds {@code id}, under which {@code value} is stored; the caller knows no equal value was added. */
    void add(T value, int id) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        place(value.hashCode(), id);
        size++;
    }

    int size() {
        return size;
    }

    private void place(int hash, int id) {
        int mask = slots.length - 1;
        int i = home(hash);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        shift--;
        for (int slot : old) {
            if (slot != 0) {
                place(stored.apply(slot - 1).hashCode(), slot - 1);
            }
        }
    }

    /** Fibonacci hashing: the top bits of the product, so that hashes differing only high up spread too. */
    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}

package dev.memtrack.simulator.paging;

import java.util.Arrays;

/**
 * An indexed binary min-heap of frames ordered by a key pair (primary, then secondary). A frame's
 * key can be changed in place, which is what OPT (next use) and LFU (count, last use) need on every
 * reference: O(log frames) per change, O(1) to read the minimum.
 */
final class FrameHeap {

    private static final int ABSENT = -1;

    private final int[] heap;
    private final int[] slotOf;
    private final long[] primary;
    private final long[] secondary;
    private int size;

    FrameHeap(int capacity) {
        heap = new int[capacity];
        slotOf = new int[capacity];
        primary = new long[capacity];
        secondary = new long[capacity];
        Arrays.fill(slotOf, ABSENT);
    }

    /** Inserts {@code frame} or changes its key. */
    void set(int frame, long primaryKey, long secondaryKey) {
        primary[frame] = primaryKey;
        secondary[frame] = secondaryKey;
        int slot = slotOf[frame];
        if (slot == ABSENT) {
            slot = size++;
            heap[slot] = frame;
            slotOf[frame] = slot;
        }
        siftDown(siftUp(slot));
    }

    /** The frame with the smallest key; the heap must not be empty. */
    int peek() {
        return heap[0];
    }

    long primary(int frame) {
        return primary[frame];
    }

    private int siftUp(int slot) {
        int frame = heap[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!less(frame, heap[parent])) {
                break;
            }
            place(heap[parent], slot);
            slot = parent;
        }
        place(frame, slot);
        return slot;
    }

    private void siftDown(int slot) {
        int frame = heap[slot];
        while (true) {
            int child = 2 * slot + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], frame)) {
                break;
            }
            place(heap[child], slot);
            slot = child;
        }
        place(frame, slot);
    }

    private void place(int frame, int slot) {
        heap[slot] = frame;
        slotOf[frame] = slot;
    }

    private boolean less(int a, int b) {
        return primary[a] < primary[b] || primary[a] == primary[b] && secondary[a] < secondary[b];
    }
}

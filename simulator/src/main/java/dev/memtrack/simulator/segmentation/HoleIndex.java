package dev.memtrack.simulator.segmentation;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * The holes of a memory as nodes of one primitive pool, in treaps (binary search trees kept
 * balanced in expectation by random priorities). Always by address, for coalescing; then, as the
 * placement strategy needs, either
 * <ul>
 *   <li>(address order) each node augmented with the longest hole in its subtree, so "lowest hole of
 *       at least {@code size} bytes at or above an address" never enters a subtree that is too short
 *       (first and next fit), or</li>
 *   <li>(size order) a second treap through the same nodes by (length, address), for the smallest or
 *       largest hole that fits (best and worst fit).</li>
 * </ul>
 * Keeping only the index the strategy uses halves the tree work per operation. A node is eight
 * longs in one array, one cache line, and no object exists per hole: a step down a tree touches
 * one line and an update allocates nothing. Every operation is O(log n) expected.
 *
 * <p>Node ids ({@code int}) are valid until the node is removed. Not thread-safe.
 */
final class HoleIndex {

    static final int NIL = -1;

    private static final int BASE = 0;
    private static final int LENGTH = 1;
    private static final int LONGEST = 2;
    private static final int PRIORITY = 3;
    private static final int ADDRESS_LEFT = 4;
    private static final int ADDRESS_RIGHT = 5;
    private static final int SIZE_LEFT = 6;
    private static final int SIZE_RIGHT = 7;
    private static final int WIDTH = 8;

    private long[] nodes = new long[64 * WIDTH];
    private int allocated;       // nodes ever handed out (high-water mark)
    private int freeNodes = NIL; // recycled nodes, chained through ADDRESS_LEFT
    private int size;
    private int byAddress = NIL;
    private int bySize = NIL;
    private int[] path = new int[64];
    private int random = 0x2545F491;
    private final boolean sizeOrdered;

    /** @param sizeOrdered index by (length, address) for best/worst fit; else by longest for first/next fit */
    HoleIndex(boolean sizeOrdered) {
        this.sizeOrdered = sizeOrdered;
    }

    int size() {
        return size;
    }

    long base(int node) {
        return nodes[node * WIDTH + BASE];
    }

    long length(int node) {
        return nodes[node * WIDTH + LENGTH];
    }

    /** Length of the longest hole, 0 when there is none. */
    long longest() {
        if (!sizeOrdered) {
            return byAddress == NIL ? 0 : get(byAddress, LONGEST);
        }
        int n = bySize;
        if (n == NIL) {
            return 0;
        }
        while (get(n, SIZE_RIGHT) != NIL) {
            n = (int) get(n, SIZE_RIGHT);
        }
        return length(n);
    }

    void clear() {
        allocated = 0;
        freeNodes = NIL;
        size = 0;
        byAddress = NIL;
        bySize = NIL;
    }

    // ---------------------------------------------------------------- queries

    /** The hole starting at {@code base}, or NIL. */
    int find(long base) {
        int n = byAddress;
        while (n != NIL && base(n) != base) {
            n = (int) get(n, base < base(n) ? ADDRESS_LEFT : ADDRESS_RIGHT);
        }
        return n;
    }

    /** The hole with the greatest base {@code <= address}, or NIL. */
    int floor(long address) {
        int best = NIL;
        for (int n = byAddress; n != NIL; ) {
            if (base(n) <= address) {
                best = n;
                n = (int) get(n, ADDRESS_RIGHT);
            } else {
                n = (int) get(n, ADDRESS_LEFT);
            }
        }
        return best;
    }

    /** The hole with the least base {@code >= address}, or NIL. */
    int ceiling(long address) {
        int best = NIL;
        for (int n = byAddress; n != NIL; ) {
            if (base(n) >= address) {
                best = n;
                n = (int) get(n, ADDRESS_LEFT);
            } else {
                n = (int) get(n, ADDRESS_RIGHT);
            }
        }
        return best;
    }

    /**
     * The holes just below and just above {@code address}, where no hole starts: the one with the
     * greatest base {@code < address} into {@code out[0]}, the least base {@code > address} into
     * {@code out[1]} (NIL if none). One descent.
     */
    void neighbours(long address, int[] out) {
        int below = NIL;
        int above = NIL;
        for (int n = byAddress; n != NIL; ) {
            if (base(n) < address) {
                below = n;
                n = (int) get(n, ADDRESS_RIGHT);
            } else {
                above = n;
                n = (int) get(n, ADDRESS_LEFT);
            }
        }
        out[0] = below;
        out[1] = above;
    }

    /** The lowest-addressed hole with base {@code >= from} and length {@code >= size}, or NIL. */
    int firstFit(long from, long size) {
        requireOrder(false, "first or next fit");
        return firstFit(byAddress, from, size);
    }

    /** The shortest hole of at least {@code size} bytes, lowest address among equals, or NIL. */
    int bestFit(long size) {
        requireOrder(true, "best fit");
        return sizeCeiling(size, 0);
    }

    /** The longest hole, lowest address among equals, or NIL when there is none. */
    int worstFit() {
        requireOrder(true, "worst fit");
        int n = bySize;
        if (n == NIL) {
            return NIL;
        }
        while (get(n, SIZE_RIGHT) != NIL) {
            n = (int) get(n, SIZE_RIGHT);
        }
        return sizeCeiling(length(n), 0);
    }

    /** Visits every hole in address order with (base, length). */
    void forEach(LongBinaryOperator visitor) {
        forEach(byAddress, visitor);
    }

    // ---------------------------------------------------------------- updates

    void insert(long base, long length) {
        int node = newNode(base, length);
        byAddress = insertByAddress(byAddress, node);
        if (sizeOrdered) {
            bySize = insertBySize(bySize, node);
        }
        size++;
    }

    void remove(int node) {
        byAddress = removeByAddress(byAddress, base(node));
        if (sizeOrdered) {
            bySize = removeBySize(bySize, node);
        }
        set(node, ADDRESS_LEFT, freeNodes);
        freeNodes = node;
        size--;
    }

    /**
     * Moves and resizes a hole in place; the new base must keep the address order (no other hole
     * starts between the old and the new base).
     */
    void resize(int node, long newBase, long newLength) {
        if (sizeOrdered) {
            // Address order is kept, so only the size treap moves the node.
            bySize = removeBySize(bySize, node);
            set(node, BASE, newBase);
            set(node, LENGTH, newLength);
            set(node, SIZE_LEFT, NIL);
            set(node, SIZE_RIGHT, NIL);
            bySize = insertBySize(bySize, node);
            return;
        }
        // The longest-hole augmentation changes on the path from the root to the node.
        int depth = 0;
        long key = base(node);
        for (int n = byAddress; n != node; n = (int) get(n, key < base(n) ? ADDRESS_LEFT : ADDRESS_RIGHT)) {
            if (depth == path.length) {
                path = Arrays.copyOf(path, depth * 2);
            }
            path[depth++] = n;
        }
        set(node, BASE, newBase);
        set(node, LENGTH, newLength);
        pull(node);
        for (int i = depth - 1; i >= 0; i--) {
            pull(path[i]);
        }
    }

    private void requireOrder(boolean bySizeNeeded, String query) {
        if (sizeOrdered != bySizeNeeded) {
            throw new IllegalStateException(query + " needs holes indexed " + (bySizeNeeded ? "by size" : "by address")
                    + "; this memory's strategy indexes them " + (sizeOrdered ? "by size" : "by address"));
        }
    }

    // ---------------------------------------------------------------- address treap

    private int firstFit(int n, long from, long size) {
        if (n == NIL || get(n, LONGEST) < size) {
            return NIL;
        }
        if (base(n) < from) {
            return firstFit((int) get(n, ADDRESS_RIGHT), from, size);
        }
        int found = firstFit((int) get(n, ADDRESS_LEFT), from, size);
        if (found != NIL) {
            return found;
        }
        return length(n) >= size ? n : firstFit((int) get(n, ADDRESS_RIGHT), from, size);
    }

    private int insertByAddress(int n, int node) {
        if (n == NIL) {
            return node;
        }
        if (base(node) < base(n)) {
            set(n, ADDRESS_LEFT, insertByAddress((int) get(n, ADDRESS_LEFT), node));
            int l = (int) get(n, ADDRESS_LEFT);
            if (get(l, PRIORITY) > get(n, PRIORITY)) {
                set(n, ADDRESS_LEFT, get(l, ADDRESS_RIGHT));
                pull(n);
                set(l, ADDRESS_RIGHT, n);
                n = l;
            }
        } else {
            set(n, ADDRESS_RIGHT, insertByAddress((int) get(n, ADDRESS_RIGHT), node));
            int r = (int) get(n, ADDRESS_RIGHT);
            if (get(r, PRIORITY) > get(n, PRIORITY)) {
                set(n, ADDRESS_RIGHT, get(r, ADDRESS_LEFT));
                pull(n);
                set(r, ADDRESS_LEFT, n);
                n = r;
            }
        }
        pull(n);
        return n;
    }

    private int removeByAddress(int n, long base) {
        if (n == NIL) {
            throw new IllegalStateException("no hole starts at " + base);
        }
        if (base == base(n)) {
            return mergeByAddress((int) get(n, ADDRESS_LEFT), (int) get(n, ADDRESS_RIGHT));
        }
        int side = base < base(n) ? ADDRESS_LEFT : ADDRESS_RIGHT;
        set(n, side, removeByAddress((int) get(n, side), base));
        pull(n);
        return n;
    }

    private int mergeByAddress(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (get(a, PRIORITY) > get(b, PRIORITY)) {
            set(a, ADDRESS_RIGHT, mergeByAddress((int) get(a, ADDRESS_RIGHT), b));
            pull(a);
            return a;
        }
        set(b, ADDRESS_LEFT, mergeByAddress(a, (int) get(b, ADDRESS_LEFT)));
        pull(b);
        return b;
    }

    private void pull(int n) {
        if (sizeOrdered) {
            return;  // the longest-hole augmentation is kept for first and next fit only
        }
        long longest = length(n);
        int l = (int) get(n, ADDRESS_LEFT);
        int r = (int) get(n, ADDRESS_RIGHT);
        if (l != NIL && get(l, LONGEST) > longest) {
            longest = get(l, LONGEST);
        }
        if (r != NIL && get(r, LONGEST) > longest) {
            longest = get(r, LONGEST);
        }
        set(n, LONGEST, longest);
    }

    private void forEach(int n, LongBinaryOperator visitor) {
        if (n != NIL) {
            forEach((int) get(n, ADDRESS_LEFT), visitor);
            visitor.applyAsLong(base(n), length(n));
            forEach((int) get(n, ADDRESS_RIGHT), visitor);
        }
    }

    // ---------------------------------------------------------------- (length, address) treap

    /** The least node with (length, base) >= (length, base), or NIL. */
    private int sizeCeiling(long length, long base) {
        int best = NIL;
        for (int n = bySize; n != NIL; ) {
            if (compareSize(length(n), base(n), length, base) >= 0) {
                best = n;
                n = (int) get(n, SIZE_LEFT);
            } else {
                n = (int) get(n, SIZE_RIGHT);
            }
        }
        return best;
    }

    private int insertBySize(int n, int node) {
        if (n == NIL) {
            return node;
        }
        if (compareSize(length(node), base(node), length(n), base(n)) < 0) {
            set(n, SIZE_LEFT, insertBySize((int) get(n, SIZE_LEFT), node));
            int l = (int) get(n, SIZE_LEFT);
            if (get(l, PRIORITY) > get(n, PRIORITY)) {
                set(n, SIZE_LEFT, get(l, SIZE_RIGHT));
                set(l, SIZE_RIGHT, n);
                return l;
            }
        } else {
            set(n, SIZE_RIGHT, insertBySize((int) get(n, SIZE_RIGHT), node));
            int r = (int) get(n, SIZE_RIGHT);
            if (get(r, PRIORITY) > get(n, PRIORITY)) {
                set(n, SIZE_RIGHT, get(r, SIZE_LEFT));
                set(r, SIZE_LEFT, n);
                return r;
            }
        }
        return n;
    }

    private int removeBySize(int n, int node) {
        if (n == NIL) {
            throw new IllegalStateException("hole at " + base(node) + " is not in the size index");
        }
        if (n == node) {
            return mergeBySize((int) get(n, SIZE_LEFT), (int) get(n, SIZE_RIGHT));
        }
        int side = compareSize(length(node), base(node), length(n), base(n)) < 0 ? SIZE_LEFT : SIZE_RIGHT;
        set(n, side, removeBySize((int) get(n, side), node));
        return n;
    }

    private int mergeBySize(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (get(a, PRIORITY) > get(b, PRIORITY)) {
            set(a, SIZE_RIGHT, mergeBySize((int) get(a, SIZE_RIGHT), b));
            return a;
        }
        set(b, SIZE_LEFT, mergeBySize(a, (int) get(b, SIZE_LEFT)));
        return b;
    }

    private static int compareSize(long lengthA, long baseA, long lengthB, long baseB) {
        int byLength = Long.compare(lengthA, lengthB);
        return byLength != 0 ? byLength : Long.compare(baseA, baseB);
    }

    // ---------------------------------------------------------------- node pool

    private int newNode(long base, long length) {
        int node;
        if (freeNodes != NIL) {
            node = freeNodes;
            freeNodes = (int) get(node, ADDRESS_LEFT);
        } else {
            if ((allocated + 1) * WIDTH > nodes.length) {
                nodes = Arrays.copyOf(nodes, nodes.length * 2);
            }
            node = allocated++;
        }
        int at = node * WIDTH;
        nodes[at + BASE] = base;
        nodes[at + LENGTH] = length;
        nodes[at + LONGEST] = length;
        nodes[at + PRIORITY] = nextPriority();
        nodes[at + ADDRESS_LEFT] = NIL;
        nodes[at + ADDRESS_RIGHT] = NIL;
        nodes[at + SIZE_LEFT] = NIL;
        nodes[at + SIZE_RIGHT] = NIL;
        return node;
    }

    private long get(int node, int field) {
        return nodes[node * WIDTH + field];
    }

    private void set(int node, int field, long value) {
        nodes[node * WIDTH + field] = value;
    }

    // Xorshift with a fixed seed: the trees' shape (never their answers) repeats from run to run.
    private int nextPriority() {
        int x = random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        random = x;
        return x;
    }
}

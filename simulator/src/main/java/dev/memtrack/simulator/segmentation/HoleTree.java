package dev.memtrack.simulator.segmentation;

import java.util.function.Consumer;

/**
 * Holes ordered by address in a treap (a binary search tree kept balanced in expectation by random
 * priorities), each node augmented with the longest hole in its subtree. That augmentation answers
 * "leftmost hole of at least {@code size} bytes at or after an address" in O(log n): subtrees whose
 * longest hole is too short are never entered.
 *
 * <p>Not thread-safe.
 */
final class HoleTree {

    private static final class Node {
        long base;
        long length;
        long longest;
        final int priority;
        Node left;
        Node right;

        Node(long base, long length, int priority) {
            this.base = base;
            this.length = length;
            this.longest = length;
            this.priority = priority;
        }
    }

    private Node root;
    private int size;
    private int random = 0x2545F491;

    int size() {
        return size;
    }

    /** Length of the longest hole, 0 when there is none. */
    long longest() {
        return root == null ? 0 : root.longest;
    }

    void clear() {
        root = null;
        size = 0;
    }

    /** Adds a hole; its base must not be present. */
    void insert(long base, long length) {
        root = insert(root, new Node(base, length, nextPriority()));
        size++;
    }

    /** Removes the hole starting at {@code base}, which must be present. */
    void remove(long base) {
        root = remove(root, base);
        size--;
    }

    /**
     * Moves and resizes the hole starting at {@code oldBase} in place; the new base must keep the
     * address order (no other hole starts between the two bases).
     */
    void update(long oldBase, long newBase, long newLength) {
        update(root, oldBase, newBase, newLength);
    }

    /** The hole with the greatest base {@code <= address}, or {@code null}. */
    Hole floor(long address) {
        Node best = null;
        for (Node n = root; n != null; ) {
            if (n.base <= address) {
                best = n;
                n = n.right;
            } else {
                n = n.left;
            }
        }
        return hole(best);
    }

    /** The hole with the least base {@code >= address}, or {@code null}. */
    Hole ceiling(long address) {
        Node best = null;
        for (Node n = root; n != null; ) {
            if (n.base >= address) {
                best = n;
                n = n.left;
            } else {
                n = n.right;
            }
        }
        return hole(best);
    }

    /** The lowest-addressed hole with base {@code >= from} and length {@code >= size}, or {@code null}. */
    Hole firstFit(long from, long size) {
        return hole(firstFit(root, from, size));
    }

    /** Visits the holes in address order. */
    void forEach(Consumer<Hole> visitor) {
        forEach(root, visitor);
    }

    private static Node firstFit(Node n, long from, long size) {
        if (n == null || n.longest < size) {
            return null;
        }
        if (n.base < from) {
            return firstFit(n.right, from, size);
        }
        Node found = firstFit(n.left, from, size);
        if (found != null) {
            return found;
        }
        return n.length >= size ? n : firstFit(n.right, from, size);
    }

    private static void forEach(Node n, Consumer<Hole> visitor) {
        if (n != null) {
            forEach(n.left, visitor);
            visitor.accept(new Hole(n.base, n.length));
            forEach(n.right, visitor);
        }
    }

    private static Node insert(Node n, Node node) {
        if (n == null) {
            return node;
        }
        if (node.base < n.base) {
            n.left = insert(n.left, node);
            if (n.left.priority > n.priority) {
                Node l = n.left;
                n.left = l.right;
                l.right = pull(n);
                n = l;
            }
        } else {
            n.right = insert(n.right, node);
            if (n.right.priority > n.priority) {
                Node r = n.right;
                n.right = r.left;
                r.left = pull(n);
                n = r;
            }
        }
        return pull(n);
    }

    /** Joins two treaps, every base of {@code a} below every base of {@code b}. */
    private static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            return pull(a);
        }
        b.left = merge(a, b.left);
        return pull(b);
    }

    private static Node remove(Node n, long base) {
        if (n == null) {
            throw new IllegalStateException("no hole starts at " + base);
        }
        if (base < n.base) {
            n.left = remove(n.left, base);
        } else if (base > n.base) {
            n.right = remove(n.right, base);
        } else {
            return merge(n.left, n.right);
        }
        return pull(n);
    }

    private static void update(Node n, long oldBase, long newBase, long newLength) {
        if (n == null) {
            throw new IllegalStateException("no hole starts at " + oldBase);
        }
        if (oldBase < n.base) {
            update(n.left, oldBase, newBase, newLength);
        } else if (oldBase > n.base) {
            update(n.right, oldBase, newBase, newLength);
        } else {
            n.base = newBase;
            n.length = newLength;
        }
        pull(n);
    }

    private static Node pull(Node n) {
        long longest = n.length;
        if (n.left != null && n.left.longest > longest) {
            longest = n.left.longest;
        }
        if (n.right != null && n.right.longest > longest) {
            longest = n.right.longest;
        }
        n.longest = longest;
        return n;
    }

    private static Hole hole(Node n) {
        return n == null ? null : new Hole(n.base, n.length);
    }

    // Xorshift: fixed seed, so the tree's shape (not its answers) is the same from run to run.
    private int nextPriority() {
        int x = random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        random = x;
        return x;
    }
}

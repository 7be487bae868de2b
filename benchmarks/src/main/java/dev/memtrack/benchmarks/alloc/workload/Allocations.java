package dev.memtrack.benchmarks.alloc.workload;

/**
 * What the hook benchmarks allocate: one allocation per method, so JMH measures the allocation and,
 * once the tracker instrumented this class, its hook. Lives in its own package so the tracker can
 * select it alone.
 */
public final class Allocations {

    private Allocations() {
    }

    public static Object newObject() {
        return new Small();
    }

    public static Object newArray(int length) {
        return new byte[length];
    }

    /** 100 linked nodes with a payload array each: 200 allocations of mixed sizes. */
    public static Object linkedList(int nodes) {
        Node head = null;
        for (int i = 0; i < nodes; i++) {
            head = new Node(new int[i & 15], head);
        }
        return head;
    }

    static final class Small {
        int value;
    }

    static final class Node {
        final int[] payload;
        final Node next;

        Node(int[] payload, Node next) {
            this.payload = payload;
            this.next = next;
        }
    }
}

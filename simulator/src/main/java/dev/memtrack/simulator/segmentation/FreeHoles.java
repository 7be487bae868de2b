package dev.memtrack.simulator.segmentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The holes of a simulated memory, indexed so that every placement query is O(log n) (see
 * {@link HoleIndex}). The index follows the strategy: ordered by address with the longest hole per
 * subtree for {@link #firstFit} and {@link #atOrAfter} (first and next fit), or by (length, address)
 * for {@link #bestFit} and {@link #worstFit} (best and worst fit); asking the other kind of
 * question throws {@link IllegalStateException}. Placements read it; {@link SegmentedMemory}
 * changes it.
 *
 * <p>Not thread-safe.
 */
public final class FreeHoles {

    private final HoleIndex index;
    private final int[] neighbours = new int[2];
    private long freeBytes;
    // The node behind the last hole a query returned: take() usually needs exactly that one.
    private int lastNode = HoleIndex.NIL;

    FreeHoles(long memorySize, boolean sizeOrdered) {
        index = new HoleIndex(sizeOrdered);
        resetTo(0, memorySize);
    }

    /** The lowest-addressed hole with base {@code >= from} and length {@code >= size}, or {@code null}. */
    public Hole firstFit(long from, long size) {
        return hole(index.firstFit(from, size));
    }

    /** The hole containing {@code address}, else the first hole above it, or {@code null}. */
    public Hole atOrAfter(long address) {
        int below = index.floor(address);
        if (below != HoleIndex.NIL && index.base(below) + index.length(below) > address) {
            return hole(below);
        }
        return hole(index.ceiling(address));
    }

    /** The shortest hole of at least {@code size} bytes, lowest address among equals, or {@code null}. */
    public Hole bestFit(long size) {
        return hole(index.bestFit(size));
    }

    /** The longest hole, lowest address among equals, if it has at least {@code size} bytes; else {@code null}. */
    public Hole worstFit(long size) {
        int largest = index.worstFit();
        return largest == HoleIndex.NIL || index.length(largest) < size ? null : hole(largest);
    }

    public long freeBytes() {
        return freeBytes;
    }

    public int count() {
        return index.size();
    }

    /** Length of the longest hole, 0 if there is none. */
    public long longest() {
        return index.longest();
    }

    /** Every hole by address. O(n). */
    public List<Hole> list() {
        List<Hole> holes = new ArrayList<>(count());
        index.forEach((base, length) -> {
            holes.add(new Hole(base, length));
            return 0;
        });
        return holes;
    }

    /** Takes the low {@code size} bytes of {@code hole} (a hole of this index). */
    void take(Hole hole, long size) {
        int node = lastNode != HoleIndex.NIL && index.base(lastNode) == hole.base() ? lastNode : index.find(hole.base());
        lastNode = HoleIndex.NIL;
        if (hole.length() == size) {
            index.remove(node);
        } else {
            index.resize(node, hole.base() + size, hole.length() - size);
        }
        freeBytes -= size;
    }

    /** Returns {@code [base, base + length)} to the free space, merging it with adjacent holes. */
    void release(long base, long length) {
        long end = base + length;
        lastNode = HoleIndex.NIL;
        index.neighbours(base, neighbours);
        int before = neighbours[0];
        int after = neighbours[1];
        boolean joinBefore = before != HoleIndex.NIL && index.base(before) + index.length(before) == base;
        boolean joinAfter = after != HoleIndex.NIL && index.base(after) == end;
        long afterLength = joinAfter ? index.length(after) : 0;
        if (joinAfter) {
            index.remove(after);
        }
        if (joinBefore) {
            index.resize(before, index.base(before), index.length(before) + length + afterLength);
        } else {
            index.insert(base, length + afterLength);
        }
        freeBytes += length;
    }

    /** Forgets every hole and makes {@code [base, base + length)} the only one (none if length is 0). */
    void resetTo(long base, long length) {
        index.clear();
        lastNode = HoleIndex.NIL;
        freeBytes = 0;
        if (length > 0) {
            index.insert(base, length);
            freeBytes = length;
        }
    }

    private Hole hole(int node) {
        lastNode = node;
        return node == HoleIndex.NIL ? null : new Hole(index.base(node), index.length(node));
    }
}

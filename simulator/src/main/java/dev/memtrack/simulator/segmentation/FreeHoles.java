package dev.memtrack.simulator.segmentation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The holes of a simulated memory, indexed twice so that every placement query is O(log n):
 * by address in a {@link HoleTree} (first fit, next fit, coalescing) and by (length, address) in an
 * ordered set (best fit, worst fit). Placements read it; {@link SegmentedMemory} changes it.
 *
 * <p>Not thread-safe.
 */
public final class FreeHoles {

    private static final Comparator<Hole> BY_LENGTH_THEN_ADDRESS =
            Comparator.comparingLong(Hole::length).thenComparingLong(Hole::base);

    private final HoleTree byAddress = new HoleTree();
    private final TreeSet<Hole> byLength = new TreeSet<>(BY_LENGTH_THEN_ADDRESS);
    private long freeBytes;

    FreeHoles(long memorySize) {
        add(0, memorySize);
    }

    /** The lowest-addressed hole with base {@code >= from} and length {@code >= size}, or {@code null}. */
    public Hole firstFit(long from, long size) {
        return byAddress.firstFit(from, size);
    }

    /** The hole containing {@code address}, else the first hole above it, or {@code null}. */
    public Hole atOrAfter(long address) {
        Hole below = byAddress.floor(address);
        return below != null && below.end() > address ? below : byAddress.ceiling(address);
    }

    /** The shortest hole of at least {@code size} bytes, lowest address among equals, or {@code null}. */
    public Hole bestFit(long size) {
        return byLength.ceiling(new Hole(0, size));
    }

    /** The longest hole, lowest address among equals, if it has at least {@code size} bytes; else {@code null}. */
    public Hole worstFit(long size) {
        if (byLength.isEmpty() || byLength.last().length() < size) {
            return null;
        }
        return byLength.ceiling(new Hole(0, byLength.last().length()));
    }

    public long freeBytes() {
        return freeBytes;
    }

    public int count() {
        return byAddress.size();
    }

    /** Length of the longest hole, 0 if there is none. */
    public long longest() {
        return byAddress.longest();
    }

    /** Every hole by address. O(n). */
    public List<Hole> list() {
        List<Hole> holes = new ArrayList<>(count());
        byAddress.forEach(holes::add);
        return holes;
    }

    /** Takes the low {@code size} bytes of {@code hole} (a hole of this index). */
    void take(Hole hole, long size) {
        byLength.remove(hole);
        if (hole.length() == size) {
            byAddress.remove(hole.base());
        } else {
            Hole rest = new Hole(hole.base() + size, hole.length() - size);
            byAddress.update(hole.base(), rest.base(), rest.length());
            byLength.add(rest);
        }
        freeBytes -= size;
    }

    /** Returns {@code [base, base + length)} to the free space, merging it with adjacent holes. */
    void release(long base, long length) {
        long end = base + length;
        Hole before = byAddress.floor(base - 1);
        Hole after = byAddress.ceiling(end);
        boolean joinBefore = before != null && before.end() == base;
        boolean joinAfter = after != null && after.base() == end;
        if (joinAfter) {
            byLength.remove(after);
        }
        if (joinBefore) {
            byLength.remove(before);
            long merged = before.length() + length + (joinAfter ? after.length() : 0);
            if (joinAfter) {
                byAddress.remove(after.base());
            }
            byAddress.update(before.base(), before.base(), merged);
            byLength.add(new Hole(before.base(), merged));
        } else if (joinAfter) {
            byAddress.update(after.base(), base, length + after.length());
            byLength.add(new Hole(base, length + after.length()));
        } else {
            byAddress.insert(base, length);
            byLength.add(new Hole(base, length));
        }
        freeBytes += length;
    }

    /** Forgets every hole and makes {@code [base, base + length)} the only one (none if length is 0). */
    void resetTo(long base, long length) {
        byAddress.clear();
        byLength.clear();
        freeBytes = 0;
        add(base, length);
    }

    private void add(long base, long length) {
        if (length > 0) {
            byAddress.insert(base, length);
            byLength.add(new Hole(base, length));
            freeBytes += length;
        }
    }
}

package dev.memtrack.simulator.segmentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement conventions written the obvious way, with linear scans over a list of holes: the
 * reference the indexed implementation is checked against.
 */
final class NaiveSegmentedMemory {

    private final long memorySize;
    private final PlacementStrategy strategy;
    private final List<long[]> holes = new ArrayList<>();   // {base, length}, by address
    private final Map<String, long[]> segments = new HashMap<>();  // name -> {base, length}
    private long rover;
    long failed;

    NaiveSegmentedMemory(long memorySize, PlacementStrategy strategy) {
        this.memorySize = memorySize;
        this.strategy = strategy;
        holes.add(new long[] {0, memorySize});
    }

    long allocate(String name, long size) {
        int chosen = -1;
        switch (strategy) {
            case FIRST_FIT -> chosen = firstFrom(0, holes.size(), size);
            case NEXT_FIT -> {
                int start = 0;
                while (start < holes.size() && holes.get(start)[0] + holes.get(start)[1] <= rover) {
                    start++;
                }
                chosen = firstFrom(start, holes.size(), size);
                if (chosen < 0) {
                    chosen = firstFrom(0, start, size);
                }
            }
            case BEST_FIT -> {
                for (int i = 0; i < holes.size(); i++) {
                    if (holes.get(i)[1] >= size && (chosen < 0 || holes.get(i)[1] < holes.get(chosen)[1])) {
                        chosen = i;
                    }
                }
            }
            case WORST_FIT -> {
                for (int i = 0; i < holes.size(); i++) {
                    if (holes.get(i)[1] >= size && (chosen < 0 || holes.get(i)[1] > holes.get(chosen)[1])) {
                        chosen = i;
                    }
                }
            }
            default -> throw new AssertionError(strategy);
        }
        if (chosen < 0) {
            failed++;
            return -1;
        }
        long[] hole = holes.get(chosen);
        long base = hole[0];
        hole[0] += size;
        hole[1] -= size;
        if (hole[1] == 0) {
            holes.remove(chosen);
        }
        rover = base + size;
        segments.put(name, new long[] {base, size});
        return base;
    }

    void free(String name) {
        long[] s = segments.remove(name);
        int i = 0;
        while (i < holes.size() && holes.get(i)[0] < s[0]) {
            i++;
        }
        holes.add(i, new long[] {s[0], s[1]});
        if (i + 1 < holes.size() && holes.get(i)[0] + holes.get(i)[1] == holes.get(i + 1)[0]) {
            holes.get(i)[1] += holes.remove(i + 1)[1];
        }
        if (i > 0 && holes.get(i - 1)[0] + holes.get(i - 1)[1] == holes.get(i)[0]) {
            holes.get(i - 1)[1] += holes.remove(i)[1];
        }
    }

    void compact() {
        List<Map.Entry<String, long[]>> byBase = new ArrayList<>(segments.entrySet());
        byBase.sort((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]));
        long next = 0;
        for (Map.Entry<String, long[]> e : byBase) {
            e.getValue()[0] = next;
            next += e.getValue()[1];
        }
        holes.clear();
        if (next < memorySize) {
            holes.add(new long[] {next, memorySize - next});
        }
    }

    List<Hole> holes() {
        return holes.stream().map(h -> new Hole(h[0], h[1])).toList();
    }

    private int firstFrom(int from, int to, long size) {
        for (int i = from; i < to; i++) {
            if (holes.get(i)[1] >= size) {
                return i;
            }
        }
        return -1;
    }
}

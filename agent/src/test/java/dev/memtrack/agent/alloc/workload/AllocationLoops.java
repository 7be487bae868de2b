package dev.memtrack.agent.alloc.workload;

import java.lang.management.ManagementFactory;
import java.util.function.ToLongFunction;

/**
 * Allocates until the JVM's counter for the current thread has grown by the requested bytes and
 * returns that growth. {@code "small:N"} allocates 48-byte arrays, {@code "large:N"} 96 KiB
 * arrays, {@code "mixed:N"} objects, small and medium arrays and an occasional 1 MiB array.
 * A window of recent results is kept reachable, so nothing is optimized away.
 */
public final class AllocationLoops implements ToLongFunction<String> {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int CHECK_EVERY = 256;

    private final Object[] keep = new Object[4096];

    @Override
    public long applyAsLong(String spec) {
        String[] parts = spec.split(":");
        long target = Long.parseLong(parts[1]);
        long before = MX.getCurrentThreadAllocatedBytes();
        long i = 0;
        do {
            for (int k = 0; k < CHECK_EVERY; k++, i++) {
                keep[(int) (i & (keep.length - 1))] = switch (parts[0]) {
                    case "small" -> new byte[32];
                    case "large" -> new byte[96 * 1024 - 16];
                    case "mixed" -> mixed(i);
                    default -> throw new IllegalArgumentException(spec);
                };
            }
        } while (MX.getCurrentThreadAllocatedBytes() - before < target);
        return MX.getCurrentThreadAllocatedBytes() - before;
    }

    private static Object mixed(long i) {
        int r = (int) (i * 0x9E3779B9L >>> 20) & 1023;
        if (r == 0) {
            return new byte[1 << 20];
        }
        if (r < 400) {
            return new Cell(r);
        }
        if (r < 900) {
            return new long[r & 31];
        }
        return new int[r * 4];
    }

    static final class Cell {
        final int value;
        Cell next;

        Cell(int value) {
            this.value = value;
        }
    }
}

package dev.memtrack.agent.alloc.table;

import dev.memtrack.mbeans.SizePercentiles;
import org.HdrHistogram.Histogram;

/**
 * Log-linear buckets of allocation sizes, cheap enough to bump on every allocation: exact in steps
 * of 8 bytes below 1 KiB (where nearly all objects are), then 32 buckets per power of two (within
 * 1/32 = 3 %). Per-thread bucket arrays are merged into an HdrHistogram for percentiles.
 */
public final class SizeBuckets {

    private static final int EXACT_LIMIT = 1024;
    private static final int EXACT_BUCKETS = EXACT_LIMIT >>> 3;
    private static final int SUB_BITS = 5;
    private static final int FIRST_EXPONENT = 10;
    private static final int LAST_EXPONENT = 40;
    /** Number of buckets; sizes of 2 TiB and more share the last one. */
    public static final int COUNT = EXACT_BUCKETS + (LAST_EXPONENT - FIRST_EXPONENT + 1 << SUB_BITS);

    private SizeBuckets() {
    }

    public static int bucket(long size) {
        if (size < EXACT_LIMIT) {
            return (int) Math.max(0, size) >>> 3;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(size);
        if (exponent > LAST_EXPONENT) {
            return COUNT - 1;
        }
        int sub = (int) (size >>> (exponent - SUB_BITS)) & ((1 << SUB_BITS) - 1);
        return EXACT_BUCKETS + ((exponent - FIRST_EXPONENT) << SUB_BITS) + sub;
    }

    /** The smallest size that falls into {@code bucket}. */
    public static long lowerBound(int bucket) {
        if (bucket < EXACT_BUCKETS) {
            return (long) bucket << 3;
        }
        int i = bucket - EXACT_BUCKETS;
        int exponent = FIRST_EXPONENT + (i >>> SUB_BITS);
        long sub = i & ((1 << SUB_BITS) - 1);
        return (1L << exponent) + (sub << (exponent - SUB_BITS));
    }

    /** Adds {@code counts} (indexed by bucket) to an HdrHistogram at each bucket's lower bound. */
    public static void addTo(Histogram histogram, long[] counts) {
        for (int b = 0; b < counts.length; b++) {
            long c = counts[b];
            if (c > 0) {
                histogram.recordValueWithCount(Math.max(1, lowerBound(b)), c);
            }
        }
    }

    public static Histogram newHistogram() {
        return new Histogram(1L << (LAST_EXPONENT + 1), 2);
    }

    /** Percentiles of {@code histogram}; {@code maxBytes} is the exact largest size seen (0 if none). */
    public static SizePercentiles percentiles(Histogram histogram, long maxBytes) {
        if (histogram.getTotalCount() == 0) {
            return new SizePercentiles(0, 0, 0, 0, 0, 0);
        }
        return new SizePercentiles(histogram.getTotalCount(),
                value(histogram, 50), value(histogram, 90), value(histogram, 99), value(histogram, 99.9),
                Math.max(maxBytes, histogram.lowestEquivalentValue(histogram.getMaxValue())));
    }

    // HdrHistogram reports the highest value equivalent to a bucket; the lowest is the one recorded.
    private static long value(Histogram h, double percentile) {
        return h.lowestEquivalentValue(h.getValueAtPercentile(percentile));
    }
}

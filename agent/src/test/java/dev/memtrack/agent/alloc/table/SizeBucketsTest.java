package dev.memtrack.agent.alloc.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memtrack.mbeans.SizePercentiles;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SizeBucketsTest {

    @Test
    void exactBelowOneKibibyteInStepsOfEight() {
        for (long size = 0; size < 1024; size += 8) {
            assertThat(SizeBuckets.lowerBound(SizeBuckets.bucket(size))).isEqualTo(size);
        }
    }

    @Test
    void largeSizesWithinOneThirtySecond() {
        for (long size = 1024; size < (1L << 41); size = size * 17 / 16 + 8) {
            long low = SizeBuckets.lowerBound(SizeBuckets.bucket(size));
            assertThat(low).isLessThanOrEqualTo(size);
            assertThat((double) (size - low) / size).isLessThan(1.0 / 32);
        }
        assertThat(SizeBuckets.bucket(Long.MAX_VALUE)).isEqualTo(SizeBuckets.COUNT - 1);
    }

    @Test
    void bucketsAreOrdered() {
        for (int b = 1; b < SizeBuckets.COUNT; b++) {
            assertThat(SizeBuckets.lowerBound(b)).isGreaterThan(SizeBuckets.lowerBound(b - 1));
            assertThat(SizeBuckets.bucket(SizeBuckets.lowerBound(b))).isEqualTo(b);
        }
    }

    @Test
    void percentilesFromBuckets() {
        long[] counts = new long[SizeBuckets.COUNT];
        counts[SizeBuckets.bucket(16)] = 900;
        counts[SizeBuckets.bucket(64)] = 90;
        counts[SizeBuckets.bucket(4096)] = 9;
        counts[SizeBuckets.bucket(1 << 20)] = 1;
        Histogram h = SizeBuckets.newHistogram();
        SizeBuckets.addTo(h, counts);
        SizePercentiles p = SizeBuckets.percentiles(h, 1 << 20);
        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50Bytes()).isEqualTo(16);
        assertThat(p.p90Bytes()).isEqualTo(16);
        assertThat(p.p99Bytes()).isEqualTo(64);
        assertThat(p.p999Bytes()).isEqualTo(4096);
        assertThat(p.maxBytes()).isEqualTo(1 << 20);
        assertThat(SizeBuckets.percentiles(SizeBuckets.newHistogram(), 0)).isEqualTo(new SizePercentiles(0, 0, 0, 0, 0, 0));
    }
}

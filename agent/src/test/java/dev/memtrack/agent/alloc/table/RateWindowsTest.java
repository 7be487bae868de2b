package dev.memtrack.agent.alloc.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memtrack.mbeans.AllocationRates;
import org.junit.jupiter.api.Test;

class RateWindowsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void zeroBeforeTwoReadings() {
        RateWindows w = new RateWindows(64);
        assertThat(w.rates()).isEqualTo(new AllocationRates(0, 0, 0));
        w.record(0, 100);
        assertThat(w.rate(1)).isZero();
    }

    @Test
    void eachWindowSeesItsOwnSpan() {
        RateWindows w = new RateWindows(64);
        long bytes = 0;
        // 60 s at 1 MB/s, then 9 s at 10 MB/s, then 1 s at 100 MB/s.
        w.record(0, bytes);
        for (int s = 1; s <= 70; s++) {
            bytes += s <= 60 ? 1_000_000 : s <= 69 ? 10_000_000 : 100_000_000;
            w.record(s * SECOND, bytes);
        }
        AllocationRates r = w.rates();
        assertThat(r.oneSecond()).isCloseTo(100e6, within(1.0));
        assertThat(r.tenSeconds()).isCloseTo((9 * 10e6 + 100e6) / 10, within(1.0));
        assertThat(r.sixtySeconds()).isCloseTo((50 * 1e6 + 9 * 10e6 + 100e6) / 60, within(1.0));
    }

    @Test
    void shortHistoryCoversWhatThereIs() {
        RateWindows w = new RateWindows(64);
        w.record(0, 0);
        w.record(2 * SECOND, 4_000);
        assertThat(w.rate(60)).isCloseTo(2_000, within(0.001));
    }

    @Test
    void oldReadingsAreOverwritten() {
        RateWindows w = new RateWindows(4);
        for (int s = 0; s < 10; s++) {
            w.record(s * SECOND, s * 1000L);
        }
        assertThat(w.rate(60)).isCloseTo(1000, within(0.001));
    }
}

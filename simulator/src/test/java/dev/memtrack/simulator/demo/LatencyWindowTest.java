package dev.memtrack.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private static final long MS = 1_000_000L;

    @Test
    void percentilesAreRanksOfTheRecentLatencies() {
        LatencyWindow window = new LatencyWindow();
        for (int i = 1; i <= 100; i++) {
            window.record(i, i * MS); // 1 ms .. 100 ms
        }

        assertThat(window.percentileMillis(50, 100)).isEqualTo(50.0);
        assertThat(window.percentileMillis(99, 100)).isEqualTo(99.0);
        assertThat(window.percentileMillis(100, 100)).isEqualTo(100.0);
        assertThat(window.percentileMillis(0.1, 100)).isEqualTo(1.0);
    }

    @Test
    void tasksThatEndedBeforeTheWindowNoLongerCount() {
        LatencyWindow window = new LatencyWindow();
        window.record(0, 500 * MS);
        window.record(LatencyWindow.WINDOW_NANOS, 2 * MS);

        assertThat(window.percentileMillis(100, LatencyWindow.WINDOW_NANOS)).as("both within the window").isEqualTo(500.0);
        assertThat(window.percentileMillis(100, LatencyWindow.WINDOW_NANOS + 1)).as("the old one left").isEqualTo(2.0);
        assertThat(window.percentileMillis(100, 3 * LatencyWindow.WINDOW_NANOS)).as("none left").isZero();
    }

    @Test
    void onlyTheLastCapacityTasksAreKept() {
        LatencyWindow window = new LatencyWindow();
        window.record(0, 1_000 * MS);
        for (int i = 0; i < LatencyWindow.CAPACITY; i++) {
            window.record(1, MS);
        }

        assertThat(window.percentileMillis(100, 1)).as("the first task was overwritten").isEqualTo(1.0);
    }

    @Test
    void readersAndWritersAtOnceSeeOnlyRecordedValues() throws Exception {
        LatencyWindow window = new LatencyWindow();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread t = new Thread(() -> {
                await(start);
                for (int i = 0; i < 20_000; i++) {
                    window.record(i, (1 + i % 10) * MS);
                }
            });
            t.start();
            writers.add(t);
        }
        start.countDown();
        List<Double> seen = new ArrayList<>();
        while (writers.stream().anyMatch(Thread::isAlive)) {
            seen.add(window.percentileMillis(99, 20_000));
        }
        for (Thread t : writers) {
            t.join();
        }

        assertThat(seen).allSatisfy(p -> assertThat(p).isIn(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));
        assertThat(window.percentileMillis(100, 20_000)).isEqualTo(10.0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

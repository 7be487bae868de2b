package dev.memtrack.simulator.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One batch step: fills a 1 MiB temporary array with random numbers, sorts it and folds it into a
 * checksum. CPU-heavy (about 10 ms per step on a current core) with one large short-lived array.
 */
final class BatchJobTask implements ProgramTask {

    static final int ELEMENTS = 128 * 1024;  // 1 MiB of longs

    private volatile long checksum;

    @Override
    public void run(int worker) {
        SplittableRandom random = new SplittableRandom(System.nanoTime() ^ worker);
        long[] data = new long[ELEMENTS];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextLong();
        }
        Arrays.sort(data);
        long sum = 0;
        for (int i = 0; i < data.length; i += 64) {
            sum = sum * 31 + data[i];
        }
        checksum += sum;
    }
}

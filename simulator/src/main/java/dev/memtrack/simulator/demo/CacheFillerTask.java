package dev.memtrack.simulator.demo;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cache operation: seven in ten look up a recent key, the rest load a new 16-128 KiB entry
 * (filled, so its memory is real). The cache grows to its budget and then evicts, so retained heap
 * climbs and plateaus.
 */
final class CacheFillerTask implements ProgramTask {

    private final BoundedCache cache;
    private final AtomicLong nextKey = new AtomicLong();

    CacheFillerTask(long budgetBytes) {
        this.cache = new BoundedCache(budgetBytes);
    }

    @Override
    public void run(int worker) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long newest = nextKey.get();
        if (newest > 0 && random.nextInt(10) < 7) {
            cache.get(newest - 1 - random.nextLong(Math.min(newest, 200)));
            return;
        }
        byte[] value = new byte[(16 + random.nextInt(113)) * 1024];
        for (int i = 0; i < value.length; i += 512) {
            value[i] = (byte) i;
        }
        cache.put(nextKey.getAndIncrement(), value);
    }

    long cachedBytes() {
        return cache.sizeBytes();
    }

    @Override
    public void close() {
        cache.clear();
    }
}
